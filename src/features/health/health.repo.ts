import { type Kysely, sql } from 'kysely';
import type { Database } from '../../shared/db/schema.js';

export function createHealthRepository(db: Kysely<Database>) {
  return {
    /** Resolves when the database answers a trivial query within the time limit. */
    async ping(timeoutMs: number): Promise<void> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
      });
      try {
        await Promise.race([sql`select 1`.execute(db), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
