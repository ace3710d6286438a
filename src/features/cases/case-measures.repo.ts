import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import type { AgreementState, CaseHistory, DaysBucket, WeekFigures } from './case-measures.js';
import type { CaseMode, CaseRole } from './cases.types.js';

/*
 * The measures' queries (ADR 0032). Reading: a case's history as the measures need it, from clear columns only
 * (the case's start and end, the role and day of each member's first keys, each meeting's two yes/no answers, each
 * agreement version's status and due day, each step move's track) — never a sealed column. Writing: the weekly
 * figures (migration 0029), one week at a time, replacing only the rows of the weeks given.
 */

const dayOf = (instant: string): string => amsterdamDay(new Date(instant));

/** The figures of one week as stored, the tables together (for the CLI and the insights page). */
export interface StoredMeasures {
  weeks: { week: string; through: string; complete: boolean }[];
  cases: { week: string; mode: string; started: number; closed: number; open: number; waitingForHelp: number }[];
  meetings: { week: string; mode: string; meetings: number; parentInvited: number; parentTookPart: number }[];
  firstHelp: { week: string; daysBucket: string; cases: number }[];
  agreements: { week: string; open: number; overdue: number }[];
  tracks: { week: string; track: string; cases: number }[];
}

/** The measure tables, each with its one row per week and category. */
export const measureTables = [
  'measure_weeks',
  'measure_cases_weekly',
  'measure_meetings_weekly',
  'measure_first_help_weekly',
  'measure_agreements_weekly',
  'measure_tracks_weekly',
] as const;

export function createCaseMeasuresRepository(db: Kysely<Database>) {
  return {
    /**
     * The histories of the cases that can count from `activeSince` on (an ISO instant: open, or closed since), or
     * of one case. Grouped by case here; the case ids go no further than this function.
     */
    async histories(filter: { caseId: string } | { activeSince: string }): Promise<CaseHistory[]> {
      let casesQuery = db.selectFrom('cases').select(['id', 'mode', 'created_at', 'closed_at']);
      casesQuery =
        'caseId' in filter
          ? casesQuery.where('id', '=', filter.caseId)
          : casesQuery.where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', filter.activeSince)]));
      const caseRows = await casesQuery.execute();
      if (caseRows.length === 0) return [];
      // The same cases, as a subquery, for the item tables (no long list of ids in the statement).
      const ids =
        'caseId' in filter
          ? db.selectFrom('cases').select('id').where('id', '=', filter.caseId)
          : db
              .selectFrom('cases')
              .select('id')
              .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', filter.activeSince)]));

      const [joinedRows, meetingRows, changeRows, moveRows] = await Promise.all([
        // The starter holds keys from the start (case.started, its actor); others from their confirmation.
        db
          .selectFrom('case_events as e')
          .innerJoin('case_members as m', (join) =>
            join.on((eb) => eb('m.id', '=', eb.fn.coalesce('e.subject_member_id', 'e.actor_member_id'))),
          )
          .select(['e.case_id', 'e.created_at', 'm.role'])
          .where('e.kind', 'in', ['case.started', 'member.confirmed'])
          .where('e.case_id', 'in', ids)
          .execute(),
        db
          .selectFrom('case_meetings')
          .select(['case_id', 'created_at', 'parent_invited', 'parent_took_part'])
          .where('case_id', 'in', ids)
          .execute(),
        db
          .selectFrom('case_agreement_changes')
          .select(['case_id', 'agreement_id', 'version', 'status', 'due_on', 'changed_at'])
          .where('case_id', 'in', ids)
          .execute(),
        // In the order they were made: their timeline event's sequence (two moves can share a millisecond).
        db
          .selectFrom('case_step_moves as s')
          .leftJoin('case_events as e', (join) =>
            join.onRef('e.ref_id', '=', 's.id').onRef('e.case_id', '=', 's.case_id'),
          )
          .select(['s.case_id', 's.track', 's.step', 's.created_at'])
          .where('s.case_id', 'in', ids)
          .orderBy('e.seq')
          .orderBy('s.created_at')
          .execute(),
      ]);

      const byCase = new Map<
        string,
        {
          mode: CaseMode;
          startedOn: string;
          closedOn: string | null;
          joined: { role: CaseRole; on: string }[];
          meetings: { recordedOn: string; parentInvited: boolean; parentTookPart: boolean }[];
          agreementChanges: {
            agreement: string;
            version: number;
            on: string;
            status: AgreementState;
            dueOn: string | null;
          }[];
          stepMoves: { track: string; step: string; on: string }[];
        }
      >();
      for (const row of caseRows) {
        byCase.set(row.id, {
          mode: row.mode,
          startedOn: dayOf(row.created_at),
          closedOn: row.closed_at === null ? null : dayOf(row.closed_at),
          joined: [],
          meetings: [],
          agreementChanges: [],
          stepMoves: [],
        });
      }
      for (const row of joinedRows) {
        byCase.get(row.case_id)?.joined.push({ role: row.role, on: dayOf(row.created_at) });
      }
      for (const row of meetingRows) {
        byCase.get(row.case_id)?.meetings.push({
          recordedOn: dayOf(row.created_at),
          parentInvited: Number(row.parent_invited) === 1,
          parentTookPart: Number(row.parent_took_part) === 1,
        });
      }
      for (const row of changeRows) {
        byCase.get(row.case_id)?.agreementChanges.push({
          agreement: row.agreement_id,
          version: Number(row.version),
          on: dayOf(row.changed_at),
          status: row.status,
          dueOn: row.due_on,
        });
      }
      for (const row of moveRows) {
        byCase.get(row.case_id)?.stepMoves.push({ track: row.track, step: row.step, on: dayOf(row.created_at) });
      }
      return [...byCase.values()];
    },

    /** Replaces the figures of exactly these weeks (every table, one transaction); other weeks are not touched. */
    async writeWeeks(figures: readonly WeekFigures[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const week of figures) {
          for (const table of measureTables) await trx.deleteFrom(table).where('week', '=', week.week).execute();
          await trx
            .insertInto('measure_weeks')
            .values({ week: week.week, through: week.through, complete: week.complete ? 1 : 0 })
            .execute();
          await trx
            .insertInto('measure_cases_weekly')
            .values(
              week.cases.map((row) => ({
                week: week.week,
                mode: row.mode,
                started: row.started,
                closed: row.closed,
                open: row.open,
                waiting_for_help: row.waitingForHelp,
              })),
            )
            .execute();
          await trx
            .insertInto('measure_meetings_weekly')
            .values(
              week.meetings.map((row) => ({
                week: week.week,
                mode: row.mode,
                meetings: row.meetings,
                parent_invited: row.parentInvited,
                parent_took_part: row.parentTookPart,
              })),
            )
            .execute();
          if (week.firstHelp.length > 0) {
            await trx
              .insertInto('measure_first_help_weekly')
              .values(week.firstHelp.map((row) => ({ week: week.week, days_bucket: row.daysBucket, cases: row.cases })))
              .execute();
          }
          await trx
            .insertInto('measure_agreements_weekly')
            .values({ week: week.week, open: week.agreements.open, overdue: week.agreements.overdue })
            .execute();
          if (week.tracks.length > 0) {
            await trx
              .insertInto('measure_tracks_weekly')
              .values(week.tracks.map((row) => ({ week: week.week, track: row.track, cases: row.cases })))
              .execute();
          }
        }
      });
    },

    /** Every stored week's figures, oldest week first. */
    async readAll(): Promise<StoredMeasures> {
      const [weeks, cases, meetings, firstHelp, agreements, tracks] = await Promise.all([
        db.selectFrom('measure_weeks').selectAll().orderBy('week').execute(),
        db.selectFrom('measure_cases_weekly').selectAll().orderBy('week').orderBy('mode').execute(),
        db.selectFrom('measure_meetings_weekly').selectAll().orderBy('week').orderBy('mode').execute(),
        db.selectFrom('measure_first_help_weekly').selectAll().orderBy('week').orderBy('days_bucket').execute(),
        db.selectFrom('measure_agreements_weekly').selectAll().orderBy('week').execute(),
        db.selectFrom('measure_tracks_weekly').selectAll().orderBy('week').orderBy('track').execute(),
      ]);
      return {
        weeks: weeks.map((row) => ({ week: row.week, through: row.through, complete: Number(row.complete) === 1 })),
        cases: cases.map((row) => ({
          week: row.week,
          mode: row.mode,
          started: Number(row.started),
          closed: Number(row.closed),
          open: Number(row.open),
          waitingForHelp: Number(row.waiting_for_help),
        })),
        meetings: meetings.map((row) => ({
          week: row.week,
          mode: row.mode,
          meetings: Number(row.meetings),
          parentInvited: Number(row.parent_invited),
          parentTookPart: Number(row.parent_took_part),
        })),
        firstHelp: firstHelp.map((row) => ({
          week: row.week,
          daysBucket: row.days_bucket as DaysBucket,
          cases: Number(row.cases),
        })),
        agreements: agreements.map((row) => ({
          week: row.week,
          open: Number(row.open),
          overdue: Number(row.overdue),
        })),
        tracks: tracks.map((row) => ({ week: row.week, track: row.track, cases: Number(row.cases) })),
      };
    },
  };
}

export type CaseMeasuresRepository = ReturnType<typeof createCaseMeasuresRepository>;
