import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import { meetingsWeekRow } from '../cases/case-measures.repo.js';
import type { CaseMeasureRows, SurveyRow } from './insights.figures.js';

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

    /** Checks followed by a help lookup from their result page, per day, advice level and safety region. */
    checkLookups(from: string, to: string): Promise<{ day: string; level: string; region: string; count: number }[]> {
      return db
        .selectFrom('check_lookups')
        .select(['day', 'level', 'safety_region_code as region', 'count'])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
    },

    /**
     * The case space's weekly measures (migration 0029, ADR 0032) of these weeks: which weeks are complete,
     * meetings by case mode, first help contacts by band of days, agreements and tracks at each week's end.
     */
    async caseMeasures(weeks: readonly string[]): Promise<CaseMeasureRows> {
      const list = [...weeks];
      const [weekRows, meetings, firstHelp, agreements, tracks] = await Promise.all([
        db.selectFrom('measure_weeks').select(['week', 'complete']).where('week', 'in', list).execute(),
        db
          .selectFrom('measure_meetings_weekly')
          .select(['week', 'mode', 'meetings', 'parent_invited', 'parent_took_part'])
          .where('week', 'in', list)
          .execute(),
        db
          .selectFrom('measure_first_help_weekly')
          .select(['week', 'days_bucket', 'cases'])
          .where('week', 'in', list)
          .execute(),
        db
          .selectFrom('measure_agreements_weekly')
          .select(['week', 'open', 'overdue'])
          .where('week', 'in', list)
          .execute(),
        db.selectFrom('measure_tracks_weekly').select(['week', 'track', 'cases']).where('week', 'in', list).execute(),
      ]);
      return {
        weeks: weekRows.map((row) => ({ week: row.week, complete: Number(row.complete) === 1 })),
        meetings: meetings.map(meetingsWeekRow),
        firstHelp: firstHelp.map((row) => ({ week: row.week, daysBucket: row.days_bucket, cases: Number(row.cases) })),
        agreements: agreements.map((row) => ({ week: row.week, open: Number(row.open), overdue: Number(row.overdue) })),
        tracks: tracks.map((row) => ({ week: row.week, track: row.track, cases: Number(row.cases) })),
      };
    },

    /** The parents' survey answers of these weeks: four scores each (1–5, or null when skipped). No account id exists. */
    async surveyAnswers(weeks: readonly string[]): Promise<SurveyRow[]> {
      const rows = await db
        .selectFrom('survey_answers')
        .select(['week', 'care', 'police', 'understood', 'next_step'])
        .where('week', 'in', [...weeks])
        .execute();
      const score = (value: number | null): number | null => (value === null ? null : Number(value));
      return rows.map((row) => ({
        week: row.week,
        care: score(row.care),
        police: score(row.police),
        understood: score(row.understood),
        next_step: score(row.next_step),
      }));
    },

    /** The safety regions by code, with their names. */
    safetyRegions(): Promise<{ code: string; name: string }[]> {
      return db.selectFrom('safety_regions').select(['code', 'name']).orderBy('code').execute();
    },
  };
}

export type InsightsRepository = ReturnType<typeof createInsightsRepository>;
