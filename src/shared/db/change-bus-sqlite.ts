import { type Kysely, sql } from 'kysely';
import type { ChangeBus, ChangeMessage } from './change-bus.js';
import { checkPayload, createSubscribers } from './change-bus-common.js';
import type { Database } from './schema.js';

/*
 * The change bus on SQLite (one instance per database file): messages stay in the process. An announcement is a
 * row in a TEMP table (the process's one connection only, never on disk) written in the caller's transaction: a
 * rollback takes it away, a commit keeps it. Delivery then reads and deletes the rows through the root handle,
 * whose query waits on Kysely's connection mutex until the announcing transaction has ended.
 */

const createOutbox = sql`CREATE TEMP TABLE IF NOT EXISTS change_outbox (channel TEXT NOT NULL, payload TEXT NOT NULL)`;

export function createSqliteChangeBus(db: Kysely<Database>): ChangeBus {
  const subscribers = createSubscribers();
  let open = true;
  let draining: Promise<void> | undefined;
  let again = false;

  const drainOnce = async () => {
    await createOutbox.execute(db);
    const { rows } = await sql<Pick<ChangeMessage, 'channel' | 'payload'>>`
      DELETE FROM temp.change_outbox RETURNING channel, payload`.execute(db);
    if (!open) return;
    for (const row of rows) subscribers.deliver({ channel: row.channel, payload: row.payload, fromHere: true });
  };

  /** Delivers what committed transactions announced; one drain at a time, another after it when asked meanwhile. */
  const drain = (): void => {
    if (draining !== undefined) {
      again = true;
      return;
    }
    draining = drainOnce()
      .catch(() => undefined)
      .finally(() => {
        draining = undefined;
        if (again && open) {
          again = false;
          drain();
        }
      });
  };

  return {
    async announce(trx, channel, payload) {
      checkPayload(payload);
      await createOutbox.execute(trx);
      await sql`INSERT INTO temp.change_outbox (channel, payload) VALUES (${channel}, ${payload})`.execute(trx);
      drain();
    },
    subscribe: (channel, listener) => subscribers.add(channel, listener),
    // Nothing to open: the outbox is made by the first announcement (and by each drain), so an app whose database
    // is already away still starts and answers its readiness check with 503.
    start() {
      open = true;
      return Promise.resolve();
    },
    async close() {
      open = false;
      await draining;
    },
  };
}
