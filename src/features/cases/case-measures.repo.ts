import type { Kysely } from 'kysely';
import type { Database, MeasureMeetingsWeeklyTable } from '../../shared/db/schema.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import {
  type AgreementState,
  type CaseHistory,
  type DaysBucket,
  type OrganisationCase,
  type OrganisationMeasureRow,
  type RegionPlace,
  regionOfArea,
  regionOfCase,
  type WeekFigures,
} from './case-measures.js';
import type { CaseRole } from './cases.types.js';

/*
 * The measures' queries (ADR 0032). Reading: a case's history as the measures need it, from clear columns only
 * (the case's start and end, the role and day of each member's first keys, each meeting's two yes/no answers, each
 * agreement version's status and due day, each step move's track) — never a sealed column. Writing: the weekly
 * figures (migration 0029), one week at a time, replacing only the rows of the weeks given; with them the same
 * figures per organisation and region (migration 0044, ADR 0048), for which a case's reading also carries its
 * pathway, the organisation of each member who came to hold its keys, and which of them started it.
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

/** The figures per organisation and region (migration 0044, ADR 0048), written with the others. */
export const organisationMeasureTable = 'measure_organisation_weekly' as const;

/** A case as read: its history, pathway, starter's organisation and each organisation's first day with keys. */
interface Loaded {
  history: CaseHistory & {
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
  };
  pathwayKey: string;
  starterOrganisation: string | null;
  organisations: Map<string, string>;
}

/** A stored week's meetings of one case mode, its counts as numbers (PostgreSQL may return them as strings). */
export const meetingsWeekRow = (row: MeasureMeetingsWeeklyTable) => ({
  week: row.week,
  mode: row.mode,
  meetings: Number(row.meetings),
  parentInvited: Number(row.parent_invited),
  parentTookPart: Number(row.parent_took_part),
});

export function createCaseMeasuresRepository(db: Kysely<Database>) {
  async function load(filter: { caseId: string } | { activeSince: string }): Promise<Map<string, Loaded>> {
    let casesQuery = db.selectFrom('cases').select(['id', 'mode', 'created_at', 'closed_at', 'pathway_key']);
    casesQuery =
      'caseId' in filter
        ? casesQuery.where('id', '=', filter.caseId)
        : casesQuery.where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>=', filter.activeSince)]));
    const caseRows = await casesQuery.execute();
    if (caseRows.length === 0) return new Map();
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
        .select(['e.case_id', 'e.kind', 'e.created_at', 'm.role', 'm.organisation_id'])
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

    const byCase = new Map<string, Loaded>();
    for (const row of caseRows) {
      byCase.set(row.id, {
        history: {
          mode: row.mode,
          startedOn: dayOf(row.created_at),
          closedOn: row.closed_at === null ? null : dayOf(row.closed_at),
          joined: [],
          meetings: [],
          agreementChanges: [],
          stepMoves: [],
        },
        pathwayKey: row.pathway_key,
        starterOrganisation: null,
        organisations: new Map(),
      });
    }
    for (const row of joinedRows) {
      const loaded = byCase.get(row.case_id);
      if (loaded === undefined) continue;
      const on = dayOf(row.created_at);
      loaded.history.joined.push({ role: row.role, on });
      if (row.organisation_id === null) continue;
      if (row.kind === 'case.started') loaded.starterOrganisation = row.organisation_id;
      const known = loaded.organisations.get(row.organisation_id);
      if (known === undefined || on < known) loaded.organisations.set(row.organisation_id, on);
    }
    for (const row of meetingRows) {
      byCase.get(row.case_id)?.history.meetings.push({
        recordedOn: dayOf(row.created_at),
        parentInvited: Number(row.parent_invited) === 1,
        parentTookPart: Number(row.parent_took_part) === 1,
      });
    }
    for (const row of changeRows) {
      byCase.get(row.case_id)?.history.agreementChanges.push({
        agreement: row.agreement_id,
        version: Number(row.version),
        on: dayOf(row.changed_at),
        status: row.status,
        dueOn: row.due_on,
      });
    }
    for (const row of moveRows) {
      byCase.get(row.case_id)?.history.stepMoves.push({ track: row.track, step: row.step, on: dayOf(row.created_at) });
    }
    return byCase;
  }

  async function organisationRegions(): Promise<Map<string, string>> {
    const [organisations, municipalities] = await Promise.all([
      db.selectFrom('organisations').select(['id', 'data']).execute(),
      db
        .selectFrom('municipalities')
        .select([
          'code',
          'province_code as provinceCode',
          'safety_region_code as safetyRegionCode',
          'police_unit as policeUnit',
        ])
        .execute(),
    ]);
    const places: RegionPlace[] = municipalities;
    const regions = new Map<string, string>();
    for (const organisation of organisations) {
      let area: unknown;
      try {
        area = (JSON.parse(organisation.data) as { area?: unknown }).area;
      } catch {
        continue;
      }
      const region = regionOfArea(area, places);
      if (region !== undefined) regions.set(organisation.id, region);
    }
    return regions;
  }

  return {
    /**
     * The histories of the cases that can count from `activeSince` on (an ISO instant: open, or closed since), or
     * of one case. Grouped by case here; the case ids go no further than this repository.
     */
    async histories(filter: { caseId: string } | { activeSince: string }): Promise<CaseHistory[]> {
      return [...(await load(filter)).values()].map((loaded) => loaded.history);
    },

    /**
     * The cases that can count from `activeSince` on, each with its region (regionOfCase: its regional pathway,
     * else its starter's organisation's region) and the organisations that took part. Case ids stay here.
     */
    async organisationCases(activeSince: string): Promise<OrganisationCase[]> {
      const [loaded, regions] = await Promise.all([load({ activeSince }), organisationRegions()]);
      return [...loaded.values()].map((one) => ({
        history: one.history,
        region: regionOfCase(
          one.pathwayKey,
          one.starterOrganisation === null ? undefined : regions.get(one.starterOrganisation),
        ),
        organisations: [...one.organisations].map(([organisationId, on]) => ({ organisationId, on })),
      }));
    },

    /** Each organisation's one safety region, where its area lies in one (regionOfArea); others are left out. */
    organisationRegions,

    /**
     * Replaces the figures of exactly these weeks (every table, one transaction), the per-organisation rows of
     * those weeks included (replaced by `organisationRows`, which hold rows of these weeks only); other weeks are
     * not touched.
     */
    async writeWeeks(
      figures: readonly WeekFigures[],
      organisationRows: readonly OrganisationMeasureRow[] = [],
    ): Promise<void> {
      const weeks = new Set(figures.map((week) => week.week));
      const stray = organisationRows.find((row) => !weeks.has(row.week));
      if (stray !== undefined) throw new Error(`a row of week ${stray.week}, which is not written now`);
      await db.transaction().execute(async (trx) => {
        for (const week of figures) {
          for (const table of measureTables) await trx.deleteFrom(table).where('week', '=', week.week).execute();
          await trx.deleteFrom(organisationMeasureTable).where('week', '=', week.week).execute();
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
        // In batches: five values a row stays far below either database's limit on a statement's parameters.
        for (let start = 0; start < organisationRows.length; start += 500) {
          await trx
            .insertInto(organisationMeasureTable)
            .values(
              organisationRows.slice(start, start + 500).map((row) => ({
                week: row.week,
                organisation_id: row.organisationId,
                region: row.region,
                measure: row.measure,
                count: row.count,
              })),
            )
            .execute();
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
        meetings: meetings.map(meetingsWeekRow),
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
