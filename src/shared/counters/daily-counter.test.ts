import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDailyCounter } from './daily-counter.js';

type Written = { day: string; region: string; count: number }[];

test('counts add up per Amsterdam day and fields, and are written together on flush', async () => {
  let now = new Date('2026-03-28T22:30:00Z'); // 23:30 in the Netherlands
  const writes: Written[] = [];
  const counter = createDailyCounter<{ region: string }>(
    (counts) => {
      writes.push(counts);
      return Promise.resolve();
    },
    { clock: () => now, flushMs: 60_000 },
  );
  counter.add({ region: 'VR01' });
  counter.add({ region: 'VR01' }, 2);
  counter.add({ region: 'VR02' });
  now = new Date('2026-03-28T23:30:00Z'); // past midnight there: the next day
  counter.add({ region: 'VR01' });
  await counter.close();
  assert.deepEqual(writes, [
    [
      { region: 'VR01', day: '2026-03-28', count: 3 },
      { region: 'VR02', day: '2026-03-28', count: 1 },
      { region: 'VR01', day: '2026-03-29', count: 1 },
    ],
  ]);
  await counter.flush();
  assert.equal(writes.length, 1, 'nothing pending, nothing written');
});

test('a failed write keeps its counts for the next one, added to what came in meanwhile', async () => {
  const now = new Date('2026-06-01T10:00:00Z');
  const writes: Written[] = [];
  const errors: unknown[] = [];
  let fail = true;
  const counter = createDailyCounter<{ region: string }>(
    (counts) => {
      if (fail) return Promise.reject(new Error('database away'));
      writes.push(counts);
      return Promise.resolve();
    },
    { clock: () => now, flushMs: 60_000, onFlushError: (error) => errors.push(error) },
  );
  counter.add({ region: 'VR01' }, 2);
  await counter.flush();
  assert.equal(errors.length, 1);
  counter.add({ region: 'VR01' });
  fail = false;
  await counter.close();
  assert.deepEqual(writes, [[{ region: 'VR01', day: '2026-06-01', count: 3 }]]);
});
