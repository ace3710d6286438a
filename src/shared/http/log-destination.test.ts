import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import Fastify from 'fastify';
import { batchedDestination } from './log-destination.js';

/** A destination whose writes are recorded; `accept` says how many bytes each call takes (all by default). */
function recorded(accept?: (data: Buffer, call: number) => number | Error) {
  const writes: string[] = [];
  let calls = 0;
  const destination = batchedDestination(99, {
    batchChars: 100,
    flushMs: 60_000,
    flushOnExit: false,
    writeSync: (_fd, data) => {
      calls += 1;
      const taken = accept === undefined ? data.length : accept(data, calls);
      if (taken instanceof Error) throw taken;
      writes.push(data.subarray(0, taken).toString('utf8'));
      return taken;
    },
  });
  return { destination, writes, calls: () => calls };
}

test('lines are gathered and written together, unchanged and in order, once a batch is full', () => {
  const { destination, writes } = recorded();
  destination.write('{"a":1}\n');
  destination.write('{"b":"é"}\n');
  assert.deepEqual(writes, []);
  const long = `{"c":"${'x'.repeat(100)}"}\n`;
  destination.write(long);
  assert.deepEqual(writes, [`{"a":1}\n{"b":"é"}\n${long}`]);
  destination.end();
});

test('flushSync and end write what is gathered; nothing is taken after end', () => {
  const { destination, writes } = recorded();
  destination.write('one\n');
  destination.flushSync();
  destination.write('two\n');
  destination.end();
  assert.equal(destination.write('three\n'), false);
  destination.flushSync();
  assert.deepEqual(writes, ['one\n', 'two\n']);
});

test('a partial write and a busy descriptor are continued until every byte is written', () => {
  const busy = Object.assign(new Error('busy'), { code: 'EAGAIN' });
  const { destination, writes } = recorded((data, call) => (call === 2 ? busy : Math.min(data.length, 3)));
  destination.write('abcdefgh\n');
  destination.flushSync();
  assert.equal(writes.join(''), 'abcdefgh\n');
});

test('a broken descriptor drops the batch without throwing, and later lines are still written', () => {
  const broken = Object.assign(new Error('closed'), { code: 'EPIPE' });
  const { destination, writes } = recorded((data, call) => (call === 1 ? broken : data.length));
  destination.write('lost\n');
  assert.doesNotThrow(() => destination.flushSync());
  destination.write('kept\n');
  destination.flushSync();
  assert.deepEqual(writes, ['kept\n']);
});

test("Fastify's logger writes its lines through it", async () => {
  const { destination, writes } = recorded();
  const app = Fastify({ logger: { base: null, timestamp: false, stream: destination } });
  app.log.info({ route: '/' }, 'request completed');
  destination.flushSync();
  assert.deepEqual(JSON.parse(writes.join('')), { level: 30, route: '/', msg: 'request completed' });
  await app.close();
});

test('lines still gathered when the process exits are written, also after an uncaught exception', () => {
  const script = `
    import { batchedStdout } from ${JSON.stringify(new URL('./log-destination.ts', import.meta.url).href)};
    const out = batchedStdout();
    out.write('first\\n');
    out.write('second\\n');
    setTimeout(() => { throw new Error('boom'); }, 10);
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  assert.notEqual(child.status, 0);
  assert.equal(child.stdout, 'first\nsecond\n');
});
