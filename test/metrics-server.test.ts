import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { type AppDatabase, createAppDatabase, processSecrets, startServerProcess } from './helpers/app-process.js';

/** Polls `read` until it gives a value (log lines are written in batches of up to a second). */
async function eventually<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server with METRICS_PORT (npm start as deployed)', () => {
  let database: AppDatabase;
  before(async () => {
    database = await createAppDatabase('sqlite');
  });
  after(() => database.cleanup());

  test('metrics on their own loopback port, not on the public one; the port closes when the server stops', async () => {
    const server = await startServerProcess({ ...processSecrets(), ...database.env, METRICS_PORT: '0' });
    let metricsUrl: string | undefined;
    try {
      const line = await eventually(() =>
        server
          .output()
          .split('\n')
          .find((text) => text.includes('"msg":"metrics listening"')),
      );
      const { host, port } = JSON.parse(line) as { host: string; port: number };
      assert.equal(host, '127.0.0.1');
      metricsUrl = `http://127.0.0.1:${port}/metrics`;

      assert.equal((await fetch(`${server.baseUrl}/nu`)).status, 200);
      assert.equal((await fetch(`${server.baseUrl}/metrics`)).status, 404, 'not on the public port without a token');
      const scrape = await fetch(metricsUrl);
      assert.equal(scrape.status, 200);
      const text = await scrape.text();
      assert.match(text, /nmk_http_requests_total\{method="GET",route="\/nu",status_class="2xx"\} 1/);
      assert.match(text, /nmk_jobs\{state="queued"\} \d+/);
      assert.match(text, /nmk_db_pool_connections\{state="total"\} 1/);
    } finally {
      const ended = await server.stop('SIGTERM');
      assert.equal(ended.code, 0);
    }
    await assert.rejects(fetch(metricsUrl), 'the metrics port is closed with the server');
  });

  test('a metrics host other machines can reach, without a token, stops the start with a clear message', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        ...processSecrets(),
        ...database.env,
        PORT: '0',
        METRICS_PORT: '0',
        METRICS_HOST: '0.0.0.0',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /METRICS_HOST "0\.0\.0\.0" is reachable from other machines: set METRICS_TOKEN/);
  });
});
