import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { AdviceLevel } from './check.schema.js';

/** The only trace of a completed check: a count per day, questionnaire version and advice level. */
export function createCheckRepository(db: Kysely<Database>) {
  return {
    /** Adds counts in one transaction; counts add up, so several app instances can write side by side. */
    async addOutcomeCounts(
      counts: readonly { day: string; version: number; level: AdviceLevel; count: number }[],
    ): Promise<void> {
      if (counts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const { day, version, level, count } of counts) {
          await trx
            .insertInto('check_outcomes')
            .values({ day, version, level, count })
            .onConflict((conflict) =>
              conflict
                .columns(['day', 'version', 'level'])
                .doUpdateSet((eb) => ({ count: eb('check_outcomes.count', '+', count) })),
            )
            .execute();
        }
      });
    },

    async outcomeCounts(): Promise<{ day: string; version: number; level: string; count: number }[]> {
      const rows = await db
        .selectFrom('check_outcomes')
        .select(['day', 'version', 'level', 'count'])
        .orderBy('day')
        .orderBy('version')
        .orderBy('level')
        .execute();
      return rows.map((row) => ({ ...row, version: Number(row.version), count: Number(row.count) }));
    },
  };
}

export type CheckRepository = ReturnType<typeof createCheckRepository>;
