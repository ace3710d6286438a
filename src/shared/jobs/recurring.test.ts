import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import fc from 'fast-check';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { createJobWorker } from './jobs.js';
import { createJobsRepository } from './jobs.repo.js';
import { dailyHandler, dailyRunHourUtc, defineDailyJob, nextDailyRun, scheduleDaily } from './recurring.js';

const tidy = defineDailyJob('test.daily');

test('the next daily run is the first run hour strictly after now, never more than a day away', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (now) => {
      const next = nextDailyRun(now);
      assert.ok(next.at.getTime() > now.getTime());
      assert.ok(next.at.getTime() - now.getTime() <= 24 * 3_600_000);
      assert.equal(next.at.getUTCHours(), dailyRunHourUtc);
      assert.equal(next.at.getUTCMinutes(), 0);
      assert.equal(next.day, next.at.toISOString().slice(0, 10));
    }),
  );
});

describeEachDialect('daily jobs', (database, dialect) => {
  const db = () => database().handle.db;
  let now = new Date('2026-03-10T09:30:00Z');
  const clock = () => now;
  const worker = (run: (at: Date) => Promise<void>) =>
    createJobWorker(createJobsRepository(db(), dialect), [dailyHandler(db(), tidy, run, clock)], {
      clock,
      backoff: () => 60_000,
    });

  beforeEach(async () => {
    await db().deleteFrom('jobs').execute();
    now = new Date('2026-03-10T09:30:00Z');
  });

  test('starting every instance queues one run of the day, at once when the run hour has passed', async () => {
    await scheduleDaily(db(), [tidy], now);
    await scheduleDaily(db(), [tidy], now);
    const runs: Date[] = [];
    const jobs = worker((at) => Promise.resolve(void runs.push(at)));
    assert.equal(await jobs.runDue(), 1);
    assert.deepEqual(runs, [now]);
    // The next day's run is queued but not due before its hour.
    assert.equal(await jobs.runDue(), 0);
    now = new Date('2026-03-11T04:59:00Z');
    assert.equal(await jobs.runDue(), 0);
    // A server starting again the same day finds the day's run done and queues nothing.
    await scheduleDaily(db(), [tidy], new Date('2026-03-10T20:00:00Z'));
    now = new Date('2026-03-11T05:00:00Z');
    assert.equal(await jobs.runDue(), 1);
    assert.equal(runs.length, 2);
  });

  test('before the run hour the day’s run waits for it', async () => {
    now = new Date('2026-03-10T03:00:00Z');
    await scheduleDaily(db(), [tidy], now);
    const jobs = worker(() => Promise.resolve());
    assert.equal(await jobs.runDue(), 0);
    now = new Date('2026-03-10T05:00:00Z');
    assert.equal(await jobs.runDue(), 1);
  });

  test('a run that fails is retried, and the next day’s run is queued all the same', async () => {
    await scheduleDaily(db(), [tidy], now);
    let failures = 1;
    const runs: Date[] = [];
    const jobs = worker((at) => {
      if (failures-- > 0) return Promise.reject(new Error('database away'));
      runs.push(at);
      return Promise.resolve();
    });
    assert.equal(await jobs.runDue(), 1);
    assert.deepEqual(runs, []);
    now = new Date(now.getTime() + 61_000);
    assert.equal(await jobs.runDue(), 1);
    assert.equal(runs.length, 1);
    now = new Date('2026-03-11T05:00:01Z');
    assert.equal(await jobs.runDue(), 1);
    assert.equal(runs.length, 2);
    const states = await createJobsRepository(db(), dialect).countByState();
    assert.equal(states.dead, 0);
    assert.equal(states.queued, 1);
  });
});
