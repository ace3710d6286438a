import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';

/** The insights' reads (issue 18): aggregate tables only, which hold no user, case or member id. */
export function createInsightsRepository(db: Kysely<Database>) {
  return {
    /** Completed checks per day, questionnaire version and advice level, for the days from `from` to `to`. */
    checkOutcomes(from: string, to: string): Promise<{ day: string; version: number; level: string; count: number }[]> {
      return db
        .selectFrom('check_outcomes')
        .select(['day', 'version', 'level', 'count'])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
    },

    /** Help lookups per day and safety region (veiligheidsregio), for the days from `from` to `to`. */
    helpLookups(from: string, to: string): Promise<{ day: string; region: string; count: number }[]> {
      return db
        .selectFrom('help_lookups')
        .select(['day', 'safety_region_code as region', 'count'])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
    },

    /** The safety regions by code, with their names. */
    safetyRegions(): Promise<{ code: string; name: string }[]> {
      return db.selectFrom('safety_regions').select(['code', 'name']).orderBy('code').execute();
    },
  };
}

export type InsightsRepository = ReturnType<typeof createInsightsRepository>;
