import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import type { FastifyBaseLogger } from 'fastify';
import { createApp } from '../../app.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createAccessLog } from './access-log.js';

/*
 * The access line is written straight into the logger's destination (access-log.ts); it must be the line pino
 * itself writes for the same fields under the app's real logger, so log tooling sees one format.
 */

async function appWithLines(env: Record<string, string> = {}) {
  const built: TestApp = await buildTestApp('sqlite', env);
  const raw: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => raw.push(...chunk.toString('utf8').split(/(?<=\n)/)));
  const app = await createApp(built.services, { logStream: stream });
  await app.ready();
  return {
    app,
    raw,
    close: async () => {
      await app.close();
      await built.close();
    },
  };
}

const withoutTime = (line: string) => line.replace(/"time":\d+,/, '"time":0,');

describe('access lines', () => {
  const opened: { close(): Promise<void> }[] = [];
  after(async () => {
    for (const one of opened) await one.close();
  });

  test('the line written directly is byte for byte the line pino writes for the same fields', async () => {
    const server = await appWithLines();
    opened.push(server);
    const response = await server.app.inject({ method: 'GET', url: '/nu' });
    assert.equal(response.statusCode, 200);
    const written = server.raw.filter((line) => line.includes('"msg":"request completed"'));
    assert.equal(written.length, 1);
    const line = written[0]!;
    assert.ok(line.endsWith('}\n'));
    const fields = JSON.parse(line) as { requestId: string; method: string; route: string; status: number; ms: number };
    assert.deepEqual([fields.method, fields.route, fields.status], ['GET', '/nu', 200]);
    // The same fields through pino's own path, into the same destination.
    server.app.log
      .child({ requestId: fields.requestId })
      .info({ method: fields.method, route: fields.route, status: fields.status, ms: fields.ms }, 'request completed');
    const byPino = server.raw.at(-1)!;
    assert.notEqual(byPino, line);
    assert.equal(withoutTime(line), withoutTime(byPino));
  });

  test('below the info level no access line is written; warnings still are', async () => {
    const server = await appWithLines({ LOG_LEVEL: 'warn' });
    opened.push(server);
    await server.app.inject({ method: 'GET', url: '/nu' });
    await server.app.inject({ method: 'GET', url: '/bestaat-niet' });
    server.app.log.warn('a warning');
    assert.ok(!server.raw.some((line) => line.includes('request completed')));
    assert.ok(server.raw.some((line) => line.includes('"msg":"a warning"')));
  });

  test('any route, method and request id gives one line of valid JSON with those values', () => {
    const lines: string[] = [];
    const log = { levelVal: 30 } as unknown as FastifyBaseLogger;
    const accessLog = createAccessLog(log, { write: (line: string) => lines.push(line) });
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.integer({ min: 100, max: 599 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (requestId, method, route, status, ms) => {
          accessLog({ requestId, method, route, status, ms });
          const line = lines.at(-1)!;
          assert.equal(line.indexOf('\n'), line.length - 1);
          const parsed = JSON.parse(line) as Record<string, unknown>;
          assert.deepEqual(
            {
              requestId: parsed.requestId,
              method: parsed.method,
              route: parsed.route,
              status: parsed.status,
              ms: parsed.ms,
            },
            { requestId, method, route, status, ms: Math.round(ms) },
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
