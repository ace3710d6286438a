import type { Kysely } from 'kysely';
import type { OrganisationMeasureRow } from '../cases/case-measures.js';
import type { Database } from '../../shared/db/schema.js';

/** The reads of the figures per organisation and region (ADR 0048): the aggregate table only, no case or member. */
export function createOrganisationInsightsRepository(db: Kysely<Database>) {
  return {
    /** The stored rows of these weeks for one organisation (or '*', every organisation together). */
    async rows(organisationId: string, weeks: readonly string[]): Promise<OrganisationMeasureRow[]> {
      if (weeks.length === 0) return [];
      const rows = await db
        .selectFrom('measure_organisation_weekly')
        .select(['week', 'organisation_id', 'region', 'measure', 'count'])
        .where('organisation_id', '=', organisationId)
        .where('week', 'in', weeks)
        .execute();
      return rows.map((row) => ({
        week: row.week,
        organisationId: row.organisation_id,
        region: row.region,
        measure: row.measure,
        count: Number(row.count),
      }));
    },

    /** The safety regions by code, with their names. */
    safetyRegions(): Promise<{ code: string; name: string }[]> {
      return db.selectFrom('safety_regions').select(['code', 'name']).orderBy('code').execute();
    },

    /** An organisation's name, from its record (for the page's heading). */
    async organisationName(organisationId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('organisations')
        .select('data')
        .where('id', '=', organisationId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      try {
        const name = (JSON.parse(row.data) as { name?: unknown }).name;
        return typeof name === 'string' ? name : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export type OrganisationInsightsRepository = ReturnType<typeof createOrganisationInsightsRepository>;
