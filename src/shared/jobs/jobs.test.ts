import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { z } from 'zod';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { backoffMs, createJobWorker, defineJob, handle, type JobHandler } from './jobs.js';
import { createJobsRepository, enqueue } from './jobs.repo.js';

const ping = defineJob('test.ping', z.object({ subjectId: z.uuid() }).strict(), { maxAttempts: 3 });
const subjectId = '0b7e2f5c-3f1e-4a47-9a44-2f1d6c1e9a01';

/** A clock the test moves by hand, starting a minute ahead (jobs enqueued during the test are due at once). */
function manualClock() {
  let now = Date.now() + 60_000;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describeEachDialect('job queue', (database, dialect) => {
  const repo = () => createJobsRepository(database().handle.db, dialect);

  beforeEach(async () => {
    await database().handle.db.deleteFrom('jobs').execute();
  });

  test('a job enqueued in a transaction that rolls back does not exist', async () => {
    await assert.rejects(
      database()
        .handle.db.transaction()
        .execute(async (trx) => {
          await enqueue(trx, ping, { subjectId });
          throw new Error('the request failed after enqueueing');
        }),
      /the request failed/,
    );
    assert.deepEqual(await repo().countByState(), { queued: 0, running: 0, done: 0, dead: 0 });
    const ran: unknown[] = [];
    const worker = createJobWorker(repo(), [handle(ping, (payload) => Promise.resolve(void ran.push(payload)))]);
    assert.equal(await worker.runDue(), 0);
    assert.deepEqual(ran, []);
  });

  test('a committed job runs once with its payload and is then done', async () => {
    const { id } = await database()
      .handle.db.transaction()
      .execute((trx) => enqueue(trx, ping, { subjectId }));
    const ran: unknown[] = [];
    const worker = createJobWorker(repo(), [handle(ping, (payload) => Promise.resolve(void ran.push(payload)))]);
    assert.equal(await worker.runDue(), 1);
    assert.equal(await worker.runDue(), 0);
    assert.deepEqual(ran, [{ subjectId }]);
    assert.equal((await repo().find(id))?.state, 'done');
  });

  test('a payload its kind does not allow (anything but the id) is refused and nothing is stored', async () => {
    const db = database().handle.db;
    await assert.rejects(
      enqueue(db, ping, { subjectId, email: 'ouder@example.org' } as unknown as { subjectId: string }),
      z.ZodError,
    );
    await assert.rejects(enqueue(db, ping, { subjectId: 'not an id' }), z.ZodError);
    assert.deepEqual(await repo().countByState(), { queued: 0, running: 0, done: 0, dead: 0 });
  });

  test('a job is not run before its run-after time', async () => {
    const { clock, advance } = manualClock();
    await enqueue(database().handle.db, ping, { subjectId }, { runAfter: new Date(clock().getTime() + 60_000) });
    const worker = createJobWorker(repo(), [handle(ping, () => Promise.resolve())], { clock });
    assert.equal(await worker.runDue(), 0);
    advance(60_000);
    assert.equal(await worker.runDue(), 1);
  });

  test('a failing job is tried again after a doubling wait and is dead after its last attempt', async () => {
    const { clock, advance } = manualClock();
    const { id } = await enqueue(database().handle.db, ping, { subjectId });
    let attempts = 0;
    const failing = handle(ping, () => {
      attempts += 1;
      const error = new Error('smtp refused ouder@example.org') as Error & { code: string };
      error.code = 'EENVELOPE';
      return Promise.reject(error);
    });
    const worker = createJobWorker(repo(), [failing], { clock, backoff: (attempt) => backoffMs(attempt, 1_000) });

    assert.equal(await worker.runDue(), 1);
    let job = await repo().find(id);
    assert.equal(job?.state, 'queued');
    assert.equal(job?.attempts, 1);
    assert.equal(job?.runAfter, new Date(clock().getTime() + 1_000).toISOString());
    // The error's class and code are kept, never its message (which names an address here).
    assert.equal(job?.lastError, 'Error EENVELOPE');

    advance(999);
    assert.equal(await worker.runDue(), 0, 'not before the first wait is over');
    advance(1);
    assert.equal(await worker.runDue(), 1);
    job = await repo().find(id);
    assert.equal(job?.runAfter, new Date(clock().getTime() + 2_000).toISOString(), 'the second wait is twice as long');

    advance(2_000);
    assert.equal(await worker.runDue(), 1);
    job = await repo().find(id);
    assert.equal(job?.state, 'dead');
    assert.equal(job?.attempts, 3);

    advance(24 * 3_600_000);
    assert.equal(await worker.runDue(), 0, 'a dead job is never tried again');
    assert.equal(attempts, 3);
  });

  test('the same idempotency key makes one job, also after it ran', async () => {
    const db = database().handle.db;
    const first = await enqueue(db, ping, { subjectId }, { idempotencyKey: `ping:${subjectId}` });
    const second = await db
      .transaction()
      .execute((trx) => enqueue(trx, ping, { subjectId }, { idempotencyKey: `ping:${subjectId}` }));
    assert.deepEqual(second, { id: first.id, created: false });
    assert.equal(first.created, true);
    let runs = 0;
    const worker = createJobWorker(repo(), [handle(ping, () => Promise.resolve(void (runs += 1)))]);
    assert.equal(await worker.runDue(), 1);
    const third = await enqueue(db, ping, { subjectId }, { idempotencyKey: `ping:${subjectId}` });
    assert.equal(third.created, false);
    assert.equal(await worker.runDue(), 0);
    assert.equal(runs, 1);
    // Another key is another job.
    assert.equal((await enqueue(db, ping, { subjectId }, { idempotencyKey: 'other' })).created, true);
  });

  test('a job whose worker died (its claim ran out) is claimed again; the dead worker cannot complete it', async () => {
    const { clock, advance } = manualClock();
    const { id } = await enqueue(database().handle.db, ping, { subjectId });
    const lost = await repo().claim(clock(), () => 60_000);
    assert.equal(lost?.id, id);
    assert.equal(await repo().claim(clock(), () => 60_000), undefined, 'a claimed job is not claimed twice');
    advance(60_000);
    const again = await repo().claim(clock(), () => 60_000);
    assert.equal(again?.id, id);
    assert.equal(again?.attempt, 2);
    assert.ok(lost !== undefined && again !== undefined);
    assert.equal(await repo().complete(lost, clock()), false);
    assert.equal(await repo().complete(again, clock()), true);
    assert.equal((await repo().find(id))?.state, 'done');
  });

  test('stopping the worker waits for a job that finishes in time', async () => {
    const { id } = await enqueue(database().handle.db, ping, { subjectId });
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finish: () => void = () => undefined;
    const slow: JobHandler = handle(ping, async () => {
      release();
      await new Promise<void>((resolve) => (finish = resolve));
    });
    const worker = createJobWorker(repo(), [slow], { pollMs: 10 });
    worker.start();
    await started;
    const stopped = worker.stop(60_000);
    finish();
    await stopped;
    assert.equal((await repo().find(id))?.state, 'done');
  });

  test('stopping the worker releases a job that does not finish in time: queued again, the attempt not counted', async () => {
    const { id } = await enqueue(database().handle.db, ping, { subjectId });
    let aborted = false;
    let release: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stuck = handle(ping, (_payload, { signal }) => {
      release();
      return new Promise<void>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        });
      });
    });
    const worker = createJobWorker(repo(), [stuck], { pollMs: 10 });
    worker.start();
    await started;
    await worker.stop(20);
    assert.equal(aborted, true);
    const job = await repo().find(id);
    assert.equal(job?.state, 'queued');
    assert.equal(job?.attempts, 0);
    // Another worker (or the next start) runs it.
    let runs = 0;
    const next = createJobWorker(repo(), [handle(ping, () => Promise.resolve(void (runs += 1)))]);
    assert.equal(await next.runDue(), 1);
    assert.equal(runs, 1);
  });

  test('a job of a kind this process does not know is tried again later, then dead', async () => {
    const { clock, advance } = manualClock();
    const { id } = await enqueue(database().handle.db, ping, { subjectId });
    const worker = createJobWorker(repo(), [], { clock, backoff: () => 1_000 });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      assert.equal(await worker.runDue(), 1);
      advance(1_000);
    }
    const job = await repo().find(id);
    assert.equal(job?.state, 'dead');
    assert.equal(job?.lastError, 'unknown kind');
  });
});
