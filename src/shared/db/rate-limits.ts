import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/*
 * The rate limit's counts in the database (migration 0040, ADR 0041); used by the @fastify/rate-limit store
 * (src/shared/http/rate-limit-store.ts). `key` is already a keyed hash when it comes here.
 */

export interface WindowCount {
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

export function createRateLimitsRepository(db: Kysely<Database>) {
  return {
    /**
     * Counts one request in one statement (atomic on both databases: PostgreSQL locks the row, SQLite takes its
     * write lock): a new window when there was none or it ended, else one more in the current one.
     */
    async increment(bucket: string, key: string, windowMs: number, now: number): Promise<WindowCount> {
      const row = await db
        .insertInto('rate_limits')
        .values({ bucket, key, count: 1, reset_at: now + windowMs })
        .onConflict((conflict) =>
          conflict.columns(['bucket', 'key']).doUpdateSet({
            count: sql<number>`CASE WHEN rate_limits.reset_at <= ${now} THEN 1 ELSE rate_limits.count + 1 END`,
            reset_at: sql<number>`CASE WHEN rate_limits.reset_at <= ${now} THEN ${now + windowMs} ELSE rate_limits.reset_at END`,
          }),
        )
        .returning(['count', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { current: Number(row.count), ttl: Math.max(0, Number(row.reset_at) - now) };
    },

    /** The count in the current window, without counting (0 when the window ended). */
    async read(bucket: string, key: string, now: number): Promise<WindowCount> {
      const row = await db
        .selectFrom('rate_limits')
        .select(['count', 'reset_at'])
        .where('bucket', '=', bucket)
        .where('key', '=', key)
        .executeTakeFirst();
      if (row === undefined || Number(row.reset_at) <= now) return { current: 0, ttl: 0 };
      return { current: Number(row.count), ttl: Number(row.reset_at) - now };
    },

    /** Deletes the rows whose window ended; returns how many. */
    async deleteEnded(now: number): Promise<number> {
      const result = await db.deleteFrom('rate_limits').where('reset_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type RateLimitsRepository = ReturnType<typeof createRateLimitsRepository>;
