import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectRoot } from '../src/shared/paths.js';
import { createPostgresDatabase } from './helpers/postgres.js';

/*
 * The server as `npm start` runs it: compiled to dist/, configured only by environment variables, started as its
 * own process and stopped by a signal.
 */

interface Running {
  child: ChildProcessWithoutNullStreams;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function get(port: number, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the server process', () => {
  let dataDir: string;
  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(build.status, 0, `npm run build failed:\n${build.stdout}${build.stderr}`);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nmk-server-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a bad configuration value stops start-up with a message naming the variable', () => {
    const result = spawnSync(process.execPath, ['dist/src/server.js'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', PORT: 'drieduizend', DATABASE_URL: 'mysql://root:hunter2@db/x' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /PORT must be a whole number between 0 and 65535 \(got "drieduizend"\)/);
    assert.match(result.stderr, /DATABASE_URL must be empty \(SQLite in DATA_DIR\) or a postgres:\/\/ URL/);
    assert.doesNotMatch(result.stderr, /hunter2/);
  });

  test('on SQLite it migrates, seeds content into the empty database, serves, and stops cleanly on SIGTERM', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    assert.match(server.output(), /"contentSeeded":true/);
    assert.deepEqual(JSON.parse((await get(server.port, '/healthz')).body), { status: 'ok', database: 'sqlite' });
    assert.equal((await get(server.port, '/informatie/veilig-gebruik')).status, 200);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    assert.match(server.output(), /"signal":"SIGTERM"/);
    assert.match(server.output(), /"msg":"stopped"/);
    // Log lines are written in batches; by the time the process has exited, every access line is out.
    assert.match(server.output(), /"method":"GET","route":"\/informatie\/:slug","status":200/);
  });

  test('a second start on the same data does not seed again', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    assert.match(server.output(), /"contentSeeded":false/);
    server.child.kill('SIGINT');
    assert.equal(await server.exited, 0);
  });

  test('a request in flight when SIGTERM arrives is finished before the process exits', async () => {
    const server = await startServer({ DATA_DIR: dataDir });
    // A POST whose body is still arriving when the signal comes.
    const answered = new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/weg',
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.write('a');
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => request.end('b'), 300);
      }, 200);
    });
    assert.equal(await answered, 204);
    assert.equal(await server.exited, 0);
  });

  test('with a postgres:// DATABASE_URL it runs on PostgreSQL', async () => {
    const database = await createPostgresDatabase();
    try {
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: database.url });
      assert.deepEqual(JSON.parse((await get(server.port, '/healthz')).body), { status: 'ok', database: 'postgres' });
      assert.equal((await get(server.port, '/readyz')).status, 200);
      assert.equal((await get(server.port, '/informatie/over-deze-site')).status, 200);
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
    } finally {
      await database.drop();
    }
  });
});
