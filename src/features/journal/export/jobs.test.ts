import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExportTooLarge } from '../journal.service.js';
import { createExportJobs, type ExportProgress, exportPercent, type ExportResult } from './jobs.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Work that reports `steps`, then waits until the test lets it finish or fail. */
function held(steps: ExportProgress[] = []) {
  const control: {
    finish: (result: ExportResult) => void;
    fail: (error: Error) => void;
    signal?: AbortSignal;
    report?: (progress: ExportProgress) => void;
  } = { finish: () => undefined, fail: () => undefined };
  const work = (report: (progress: ExportProgress) => void, signal: AbortSignal) => {
    control.signal = signal;
    control.report = report;
    for (const step of steps) report(step);
    return new Promise<ExportResult>((resolve, reject) => {
      control.finish = resolve;
      control.fail = reject;
    });
  };
  return { work, control };
}

const result = (text: string): ExportResult => ({ bytes: new TextEncoder().encode(text), subject: 'journal-1' });

test('a job runs after the request, reports progress, and its file is handed over once', async () => {
  const jobs = createExportJobs();
  const { work, control } = held([{ phase: 'reading', done: 64, total: 128 }]);
  assert.equal(jobs.start('session-a', work), 'started');
  // Not yet started: the request that started it is answered first.
  assert.equal(control.signal, undefined);
  assert.deepEqual(jobs.status('session-a'), { state: 'running', progress: { phase: 'reading', done: 0, total: 0 } });
  await turn();
  assert.deepEqual(jobs.status('session-a'), {
    state: 'running',
    progress: { phase: 'reading', done: 64, total: 128 },
  });
  assert.equal(jobs.take('session-a'), undefined, 'nothing to take while it runs');
  control.finish(result('zip'));
  await turn();
  const status = jobs.status('session-a');
  assert.equal(status?.state, 'done');
  assert.equal(status.state === 'done' && status.bytes, 3);
  assert.deepEqual(jobs.take('session-a'), result('zip'));
  assert.equal(jobs.take('session-a'), undefined, 'only once');
  assert.equal(jobs.status('session-a'), undefined);
  jobs.close();
});

test('one export per session at a time, and at most maxRunning in the process', async () => {
  const jobs = createExportJobs({ maxRunning: 2 });
  const first = held();
  assert.equal(jobs.start('a', first.work), 'started');
  assert.equal(jobs.start('a', held().work), 'busy');
  assert.equal(jobs.start('b', held().work), 'started');
  assert.equal(jobs.start('c', held().work), 'full');
  assert.equal(jobs.running(), 2);
  await turn();
  first.control.finish(result('a'));
  await turn();
  // A finished export no longer counts; a new one for the same session replaces the waiting file.
  assert.equal(jobs.start('c', held().work), 'started');
  assert.equal(jobs.start('a', held().work), 'full');
  jobs.drop('b');
  assert.equal(jobs.start('a', held().work), 'started');
  assert.equal(jobs.status('a')?.state, 'running', 'the old file is gone');
  jobs.close();
});

test('finished exports waiting in memory are capped: past maxWaitingBytes new exports wait', async () => {
  const jobs = createExportJobs({ maxRunning: 5, maxWaitingBytes: 10 });
  for (const [owner, size] of [
    ['a', 6],
    ['b', 4],
  ] as const) {
    const { work, control } = held();
    assert.equal(jobs.start(owner, work), 'started');
    await turn();
    control.finish({ bytes: new Uint8Array(size), subject: owner });
    await turn();
  }
  assert.equal(jobs.start('c', held().work), 'full', '10 bytes wait');
  // A session's own waiting file does not count against its new export, which replaces it.
  assert.equal(jobs.start('a', held().work), 'started');
  assert.equal(jobs.start('c', held().work), 'started', 'only b’s 4 bytes wait now');
  jobs.close();
});

test('sessions never see each other’s exports', async () => {
  const jobs = createExportJobs();
  const { work, control } = held();
  jobs.start('mine', work);
  await turn();
  control.finish(result('mine'));
  await turn();
  assert.equal(jobs.status('theirs'), undefined);
  assert.equal(jobs.take('theirs'), undefined);
  assert.equal(jobs.status('mine')?.state, 'done');
  jobs.close();
});

test('dropping a running export aborts it: its next report throws and its result is thrown away', async () => {
  const jobs = createExportJobs();
  const { work, control } = held();
  jobs.start('a', work);
  await turn();
  jobs.drop('a');
  assert.equal(control.signal?.aborted, true);
  assert.throws(() => control.report?.({ phase: 'pdf', done: 1, total: 2 }), { name: 'AbortError' });
  control.finish(result('late'));
  await turn();
  assert.equal(jobs.status('a'), undefined, 'a late result is not kept');
  assert.equal(jobs.running(), 0);
});

test('a failed export is reported as failed, told to onError, and keeps nothing', async () => {
  const errors: unknown[] = [];
  const jobs = createExportJobs({ onError: (error) => errors.push(error) });
  const { work, control } = held();
  jobs.start('a', work);
  await turn();
  control.fail(new Error('broken'));
  await turn();
  assert.deepEqual(jobs.status('a'), { state: 'failed' });
  assert.equal(jobs.take('a'), undefined);
  assert.equal(errors.length, 1);
  // Failing does not block a new try.
  assert.equal(jobs.start('a', held().work), 'started');
  jobs.close();
});

test('an export too large to carry fails as "too large", which is not an error of the server', async () => {
  const errors: unknown[] = [];
  const jobs = createExportJobs({ onError: (error) => errors.push(error) });
  const { work, control } = held();
  jobs.start('a', work);
  await turn();
  control.fail(new ExportTooLarge(5 * 1024 * 1024));
  await turn();
  assert.deepEqual(jobs.status('a'), { state: 'failed', tooLarge: { maxBytes: 5 * 1024 * 1024 } });
  assert.deepEqual(errors, []);
  jobs.close();
});

test('a finished export that nobody takes is forgotten after keepMs', async () => {
  let now = 1_000_000;
  const jobs = createExportJobs({ keepMs: 60_000, now: () => now });
  const { work, control } = held();
  jobs.start('a', work);
  await turn();
  control.finish(result('zip'));
  await turn();
  const status = jobs.status('a');
  assert.equal(status?.state === 'done' && status.expiresAt, 1_060_000);
  now += 59_999;
  assert.equal(jobs.status('a')?.state, 'done');
  now += 1;
  assert.equal(jobs.status('a'), undefined);
  assert.equal(jobs.take('a'), undefined);
  jobs.close();
});

test('the timer forgets a waiting export without anyone asking', async () => {
  // A clock that never moves: the check on asking cannot expire it, only the timer can.
  const jobs = createExportJobs({ keepMs: 30, now: () => 0 });
  const { work, control } = held();
  jobs.start('a', work);
  await turn();
  control.finish(result('zip'));
  await turn();
  assert.equal(jobs.status('a')?.state, 'done');
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(jobs.status('a'), undefined);
  jobs.close();
});

test('the percentage rises through the three steps and never passes 100', () => {
  const steps: ExportProgress[] = [
    { phase: 'reading', done: 0, total: 0 },
    { phase: 'reading', done: 50, total: 100 },
    { phase: 'reading', done: 100, total: 100 },
    { phase: 'pdf', done: 0, total: 10 },
    { phase: 'pdf', done: 5, total: 10 },
    { phase: 'pdf', done: 10, total: 10 },
    { phase: 'zip', done: 0, total: 1 },
    { phase: 'zip', done: 1, total: 1 },
  ];
  const percents = steps.map(exportPercent);
  assert.deepEqual(percents, [0, 20, 40, 40, 65, 90, 90, 100]);
  assert.equal(exportPercent({ phase: 'pdf', done: 20, total: 10 }), 90, 'a done beyond total is capped');
});
