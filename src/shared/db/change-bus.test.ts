import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { type ChangeBus, type ChangeMessage, createChangeBus } from './change-bus.js';

/*
 * The change bus (issue 17): a message announced in a transaction reaches every instance once it commits, never
 * when it rolls back; on PostgreSQL another instance's bus hears it too, and a listening connection that was cut
 * comes back and says `missed`.
 */

/** Collects what a bus delivers on content_published; `next()` waits for the next message (or fails after 10 s). */
function inbox(bus: ChangeBus) {
  const received: ChangeMessage[] = [];
  const waiting: ((message: ChangeMessage) => void)[] = [];
  let read = 0;
  bus.subscribe('content_published', (message) => {
    received.push(message);
    waiting.shift()?.(message);
  });
  return {
    received,
    async next(): Promise<ChangeMessage> {
      const index = read;
      read += 1;
      if (received[index] !== undefined) return received[index];
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message within 10 s')), 10_000);
        waiting.push((message) => {
          clearTimeout(timer);
          resolve(message);
        });
      });
    },
  };
}

describeEachDialect('change bus', (database, dialect) => {
  const busOf = () => createChangeBus(database().handle, { url: database().env.DATABASE_URL });

  test('a message announced in a committed transaction is delivered, one from a rolled-back one never', async () => {
    const bus = busOf();
    const messages = inbox(bus);
    await bus.start();
    try {
      const db = database().handle.db;
      await db.transaction().execute(async (trx) => {
        await bus.announce(trx, 'content_published', 'page');
      });
      assert.deepEqual(await messages.next(), { channel: 'content_published', payload: 'page', fromHere: true });

      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await bus.announce(trx, 'content_published', 'rolled-back');
          throw new Error('roll back');
        }),
        /roll back/,
      );
      // Outside a transaction it goes out at once; it comes after anything the rolled-back one could have sent.
      await bus.announce(db, 'content_published', 'pathway');
      assert.equal((await messages.next()).payload, 'pathway');
      assert.deepEqual(
        messages.received.map((message) => message.payload),
        ['page', 'pathway'],
      );
    } finally {
      await bus.close();
    }
  });

  test('a listener that throws does not keep the message from the others; a stopped one hears nothing', async () => {
    const bus = busOf();
    const heard: string[] = [];
    bus.subscribe('content_published', () => {
      throw new Error('a broken listener');
    });
    const stop = bus.subscribe('content_published', (message) => heard.push(`stopped ${message.payload}`));
    stop();
    const messages = inbox(bus);
    await bus.start();
    try {
      await bus.announce(database().handle.db, 'content_published', 'organisation');
      assert.equal((await messages.next()).payload, 'organisation');
      assert.deepEqual(heard, []);
    } finally {
      await bus.close();
    }
  });

  test('a payload over 1,000 bytes is refused', async () => {
    const bus = busOf();
    await assert.rejects(bus.announce(database().handle.db, 'content_published', 'x'.repeat(1_001)), /1000 bytes/);
  });

  if (dialect !== 'postgres') return;

  test('another instance hears the message (not as its own); both hear it once', async () => {
    const one = busOf();
    const two = busOf();
    const atOne = inbox(one);
    const atTwo = inbox(two);
    await Promise.all([one.start(), two.start()]);
    try {
      await database()
        .handle.db.transaction()
        .execute(async (trx) => {
          await one.announce(trx, 'content_published', 'questionnaire');
        });
      assert.deepEqual(await atTwo.next(), {
        channel: 'content_published',
        payload: 'questionnaire',
        fromHere: false,
      });
      assert.equal((await atOne.next()).fromHere, true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  test('a listening connection ended by the server comes back and reports missed', async () => {
    const bus = busOf();
    const other = busOf();
    const messages = inbox(bus);
    await Promise.all([bus.start(), other.start()]);
    try {
      const db = database().handle.db;
      const listening = await sql<{ pid: number }>`
        SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'nmk-change-bus'`.execute(db);
      assert.equal(listening.rows.length, 2);
      // Both buses' connections are ended; each must come back on its own.
      for (const { pid } of listening.rows) await sql`SELECT pg_terminate_backend(${pid})`.execute(db);
      const missed = await messages.next();
      assert.equal(missed.missed, true);
      assert.equal(missed.channel, 'content_published');
      // Listening again: a message of the other instance arrives (the other bus reconnected too).
      let heard: ChangeMessage | undefined;
      for (let attempt = 0; attempt < 50 && heard === undefined; attempt += 1) {
        await other.announce(db, 'content_published', 'page').catch(() => undefined);
        const next = await messages.next();
        if (!next.missed) heard = next;
      }
      assert.deepEqual(heard, { channel: 'content_published', payload: 'page', fromHere: false });
    } finally {
      await Promise.all([bus.close(), other.close()]);
    }
  });
});
