import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';

/*
 * Work that exactly one instance may do at a time (issue 17, ADR 0041), e.g. making the scheduled global root.
 *
 * PostgreSQL: a transaction-level advisory lock (pg_try_advisory_xact_lock) on a number derived from the work's
 * name, held by a transaction that stays open while the work runs on other connections of the pool; another
 * instance that tries meanwhile does not wait, it skips. The lock ends with that transaction, also when the work
 * throws or the instance dies (its connection closes).
 *
 * SQLite: one instance per database file, so the work runs; two calls of one process still run one at a time.
 */

/** A signed 64-bit lock number from the name (the first 8 bytes of its SHA-256). */
export function lockNumber(name: string): bigint {
  return createHash('sha256').update(`nmk/v1/lock/${name}`).digest().readBigInt64BE(0);
}

export function createOneInstance(db: Kysely<Database>, dialect: Dialect) {
  const runningHere = new Set<string>();
  return {
    /** Runs `work` unless another instance (or another call here) is running the work of this name: then undefined. */
    async run<T>(name: string, work: () => Promise<T>): Promise<{ value: T } | undefined> {
      if (runningHere.has(name)) return undefined;
      runningHere.add(name);
      try {
        if (dialect === 'sqlite') return { value: await work() };
        return await db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ locked: boolean }>`
            SELECT pg_try_advisory_xact_lock(${lockNumber(name).toString()}::bigint) AS locked`.execute(trx);
          if (rows[0]?.locked !== true) return undefined;
          return { value: await work() };
        });
      } finally {
        runningHere.delete(name);
      }
    },
  };
}

export type OneInstance = ReturnType<typeof createOneInstance>;
