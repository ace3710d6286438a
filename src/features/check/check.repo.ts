import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import type { AdviceLevel } from './check.schema.js';

/** The only trace of a completed check: a count per day, questionnaire version and advice level. */
export function createCheckRepository(db: Kysely<Database>) {
  return {
    async countOutcome(day: string, version: number, level: AdviceLevel): Promise<void> {
      await db
        .insertInto('check_outcomes')
        .values({ day, version, level, count: 1 })
        .onConflict((conflict) =>
          conflict
            .columns(['day', 'version', 'level'])
            .doUpdateSet((eb) => ({ count: eb('check_outcomes.count', '+', 1) })),
        )
        .execute();
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
