import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { openDatabase } from '../../shared/db/database.js';
import { createOneInstance } from '../../shared/db/one-instance.js';
import type { GlobalRootRow } from './log.repo.js';
import { createRootSchedule, type RootPublisher } from './root-schedule.js';

/*
 * The scheduled global root with several instances (issue 17): however many instances tick at once, one root is
 * made per interval. The publisher here is slow on purpose (it reads, waits, then "stores"), so two instances
 * that were not kept apart would both publish.
 */

const intervalMs = 60_000;

/** Roots kept in a list shared by the instances, as the database's table is. */
function sharedRoots() {
  const roots: GlobalRootRow[] = [];
  const publisher = (clock: () => number): RootPublisher => ({
    latest: () => Promise.resolve(roots.at(-1)),
    async publish() {
      const seq = roots.length + 1;
      await sleep(30);
      const row: GlobalRootRow = { seq, timeMs: clock(), size: 1, bytes: '{}', signature: '', leaves: [] };
      roots.push(row);
      return row;
    },
  });
  return { roots, publisher };
}

describeEachDialect('scheduled global root', (database, dialect) => {
  test('instances ticking at the same moment make one root; the next interval one more', async () => {
    const { roots, publisher } = sharedRoots();
    let now = 1_000_000_000_000;
    const clock = () => now;
    // PostgreSQL: each instance has its own pool (another handle on the same database); SQLite: one process.
    const other =
      dialect === 'postgres' ? openDatabase({ kind: 'postgres', url: database().env.DATABASE_URL! }) : undefined;
    try {
      const handles = other === undefined ? [database().handle] : [database().handle, other];
      // Two ticks at once in each process (an instance's one OneInstance), and two processes on PostgreSQL.
      const schedules = handles.flatMap((handle) => {
        const oneInstance = createOneInstance(handle.db, handle.dialect);
        return [0, 1].map(() => createRootSchedule(publisher(clock), oneInstance, intervalMs, clock));
      });
      const tickAll = () => Promise.all(schedules.map((schedule) => schedule.tick()));

      const first = await tickAll();
      assert.equal(roots.length, 1);
      assert.equal(first.filter((outcome) => outcome === 'published').length, 1);

      // Half an interval later: the latest root is recent, nobody makes another.
      now += intervalMs / 2;
      await tickAll();
      assert.equal(roots.length, 1);

      // An interval after the root: one more, by one instance.
      now += intervalMs / 2;
      const third = await tickAll();
      assert.equal(roots.length, 2);
      assert.equal(third.filter((outcome) => outcome === 'published').length, 1);
    } finally {
      await other?.close();
    }
  });

  test('a publisher that fails releases the lock: the next tick publishes', async () => {
    const { roots, publisher } = sharedRoots();
    const handle = database().handle;
    const oneInstance = createOneInstance(handle.db, handle.dialect);
    let failing = true;
    const shared = publisher(Date.now);
    const flaky: RootPublisher = {
      latest: () => shared.latest(),
      publish: () => (failing ? Promise.reject(new Error('the database went away')) : shared.publish()),
    };
    const schedule = createRootSchedule(flaky, oneInstance, intervalMs);
    await assert.rejects(schedule.tick(), /went away/);
    failing = false;
    assert.equal(await schedule.tick(), 'published');
    assert.equal(roots.length, 1);
  });
});
