import { daysBetween, isoWeekOf, previousWeek, weekEnd, weekStart } from '../../shared/time/weeks.js';
import type { CaseMode, CaseRole } from './cases.types.js';

/*
 * Measures for policy (issue 15 point 5, ADR 0032): pure computations over a case's history as the server holds
 * it in clear (days, roles, statuses, yes/no answers), never over what members wrote. One case's measures are
 * shown to its professionals; the weekly aggregates are stored without any id (case-measures.repo.ts) for the
 * insights page. Days are calendar days in the Netherlands (YYYY-MM-DD); weeks are ISO weeks of those days
 * ('2026-W49'), the smallest period anything is counted by.
 */

export {
  addDays,
  daysBetween,
  isIsoWeek,
  isoWeekOf,
  previousWeek,
  weekEnd,
  weekStart,
} from '../../shared/time/weeks.js';

// ---- one case ----

/** The roles whose arrival counts as help reaching the family (ADR 0032): not police, the Raad or an observer. */
export const helpRoles: readonly CaseRole[] = ['care', 'coordinator', 'veilig-thuis', 'jeugdbeschermer'];

export type AgreementState = 'open' | 'done' | 'dropped';

/**
 * What the measures read of one case: only clear facts, with days in the Netherlands. The keys grouping an
 * agreement's versions are opaque and stay in memory; nothing here is ever stored.
 */
export interface CaseHistory {
  mode: CaseMode;
  startedOn: string;
  closedOn: string | null;
  /** Each time a member came to hold keys: the starter on the day it started, others when first confirmed. */
  joined: readonly { role: CaseRole; on: string }[];
  meetings: readonly { recordedOn: string; parentInvited: boolean; parentTookPart: boolean }[];
  /** Every version of every agreement as written (version 1 is its making). */
  agreementChanges: readonly {
    agreement: string;
    version: number;
    on: string;
    status: AgreementState;
    dueOn: string | null;
  }[];
  /** Step moves in the order they were made; step '' marks its track finished. */
  stepMoves: readonly { track: string; step: string; on: string }[];
}

/**
 * The first help contact (ADR 0032): the first day on which both a parent and a helping professional (helpRoles)
 * had come to hold the case's keys, so that they could reach each other in it. Only cases with parents have one:
 * a professional-only case keeps parents out by design. Undefined while it has not happened by `asOf`.
 */
export function firstHelpContact(history: CaseHistory, asOf: string): string | undefined {
  if (history.mode !== 'with-parents') return undefined;
  const firstOf = (wanted: (role: CaseRole) => boolean): string | undefined =>
    history.joined
      .filter((joined) => wanted(joined.role) && joined.on <= asOf)
      .map((joined) => joined.on)
      .sort()[0];
  const parent = firstOf((role) => role === 'parent');
  const help = firstOf((role) => helpRoles.includes(role));
  if (parent === undefined || help === undefined) return undefined;
  const contact = parent > help ? parent : help;
  // Joining is never before the start; a clock set back must not make a negative wait.
  return contact < history.startedOn ? history.startedOn : contact;
}

/** Each agreement as it stood at the end of `asOf` (its latest version written by then). */
export function agreementsAt(history: CaseHistory, asOf: string): { status: AgreementState; dueOn: string | null }[] {
  const latest = new Map<string, CaseHistory['agreementChanges'][number]>();
  for (const change of history.agreementChanges) {
    if (change.on > asOf) continue;
    const known = latest.get(change.agreement);
    if (known === undefined || change.version > known.version) latest.set(change.agreement, change);
  }
  return [...latest.values()].map(({ status, dueOn }) => ({ status, dueOn }));
}

/** Open agreements at the end of `asOf`, and those of them whose due day has passed (due that day is not late). */
export function agreementCounts(history: CaseHistory, asOf: string): { open: number; overdue: number } {
  const open = agreementsAt(history, asOf).filter((agreement) => agreement.status === 'open');
  return {
    open: open.length,
    overdue: open.filter((agreement) => agreement.dueOn !== null && agreement.dueOn < asOf).length,
  };
}

/** The tracks with a step in progress at the end of `asOf` (their last move named a step, not the track's end). */
export function activeTracksAt(history: CaseHistory, asOf: string): string[] {
  const current = new Map<string, string>();
  for (const move of history.stepMoves) if (move.on <= asOf) current.set(move.track, move.step);
  return [...current.entries()]
    .filter(([, step]) => step !== '')
    .map(([track]) => track)
    .sort();
}

/** Whether the case was open at the end of `day`: started by then and not closed by then. */
export const openAt = (history: CaseHistory, day: string): boolean =>
  history.startedOn <= day && (history.closedOn === null || history.closedOn > day);

/** One case's measures as its professionals see them on the case page. */
export interface CaseMeasures {
  meetings: number;
  parentInvited: number;
  parentTookPart: number;
  /** Days from the start to the first help contact; undefined when there has been none (yet). */
  daysToFirstHelp: number | undefined;
  /** Whether the case can have a first help contact at all (not in a professional-only case). */
  firstHelpApplies: boolean;
  agreementsOpen: number;
  agreementsOverdue: number;
  activeTracks: string[];
}

export function caseMeasures(history: CaseHistory, today: string): CaseMeasures {
  const meetings = history.meetings.filter((meeting) => meeting.recordedOn <= today);
  const contact = firstHelpContact(history, today);
  const agreements = agreementCounts(history, today);
  return {
    meetings: meetings.length,
    parentInvited: meetings.filter((meeting) => meeting.parentInvited).length,
    parentTookPart: meetings.filter((meeting) => meeting.parentTookPart).length,
    daysToFirstHelp: contact === undefined ? undefined : daysBetween(history.startedOn, contact),
    firstHelpApplies: history.mode === 'with-parents',
    agreementsOpen: agreements.open,
    agreementsOverdue: agreements.overdue,
    activeTracks: activeTracksAt(history, today),
  };
}

// ---- the weekly aggregates ----

/** Waits are counted in these bands only, never as exact days. */
export const daysBuckets = ['0', '1-7', '8-14', '15-28', '29-90', '91+'] as const;
export type DaysBucket = (typeof daysBuckets)[number];

export function daysBucket(days: number): DaysBucket {
  if (days <= 0) return '0';
  if (days <= 7) return '1-7';
  if (days <= 14) return '8-14';
  if (days <= 28) return '15-28';
  if (days <= 90) return '29-90';
  return '91+';
}

export const caseModesMeasured: readonly CaseMode[] = ['with-parents', 'professional-only'];

/**
 * One ISO week's figures, as the tables hold them: counts by week and by a few categories, nothing that names a
 * case, a member or a person. Flows (started, closed, meetings recorded, first help contacts) count what happened
 * from the week's Monday through `through`; states (open cases, agreements, tracks) are as they stood at the end
 * of `through`, the week's Sunday once the week is over.
 */
export interface WeekFigures {
  week: string;
  /** The last day counted: the week's Sunday for a whole week, an earlier day while the week is still running. */
  through: string;
  complete: boolean;
  cases: { mode: CaseMode; started: number; closed: number; open: number; waitingForHelp: number }[];
  meetings: { mode: CaseMode; meetings: number; parentInvited: number; parentTookPart: number }[];
  firstHelp: { daysBucket: DaysBucket; cases: number }[];
  agreements: { open: number; overdue: number };
  tracks: { track: string; cases: number }[];
}

/** The figures of `week` from every case's history, counted through `today` when the week has not ended yet. */
export function weekFigures(histories: readonly CaseHistory[], week: string, today: string): WeekFigures {
  const from = weekStart(week);
  const end = weekEnd(week);
  const through = today < end ? today : end;
  const within = (day: string | null | undefined): boolean =>
    day !== null && day !== undefined && day >= from && day <= through;

  const cases = caseModesMeasured.map((mode) => {
    const ofMode = histories.filter((history) => history.mode === mode);
    const open = ofMode.filter((history) => openAt(history, through));
    return {
      mode,
      started: ofMode.filter((history) => within(history.startedOn)).length,
      closed: ofMode.filter((history) => within(history.closedOn)).length,
      open: open.length,
      waitingForHelp:
        mode === 'with-parents' ? open.filter((history) => firstHelpContact(history, through) === undefined).length : 0,
    };
  });

  const meetings = caseModesMeasured.map((mode) => {
    const recorded = histories
      .filter((history) => history.mode === mode)
      .flatMap((history) => history.meetings.filter((meeting) => within(meeting.recordedOn)));
    return {
      mode,
      meetings: recorded.length,
      parentInvited: recorded.filter((meeting) => meeting.parentInvited).length,
      parentTookPart: recorded.filter((meeting) => meeting.parentTookPart).length,
    };
  });

  const bucketCounts = new Map<DaysBucket, number>();
  for (const history of histories) {
    const contact = firstHelpContact(history, through);
    if (!within(contact)) continue;
    const bucket = daysBucket(daysBetween(history.startedOn, contact!));
    bucketCounts.set(bucket, (bucketCounts.get(bucket) ?? 0) + 1);
  }

  const openCases = histories.filter((history) => openAt(history, through));
  const agreements = { open: 0, overdue: 0 };
  const trackCounts = new Map<string, number>();
  for (const history of openCases) {
    const counts = agreementCounts(history, through);
    agreements.open += counts.open;
    agreements.overdue += counts.overdue;
    for (const track of activeTracksAt(history, through)) trackCounts.set(track, (trackCounts.get(track) ?? 0) + 1);
  }

  return {
    week,
    through,
    complete: through === end,
    cases,
    meetings,
    firstHelp: daysBuckets
      .filter((bucket) => bucketCounts.has(bucket))
      .map((bucket) => ({ daysBucket: bucket, cases: bucketCounts.get(bucket)! })),
    agreements,
    tracks: [...trackCounts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([track, count]) => ({ track, cases: count })),
  };
}

/** The weeks a daily run (re)computes on `today`: the previous week and the current one. Older weeks stay as they are. */
export function weeksToCompute(today: string): [previous: string, current: string] {
  const current = isoWeekOf(today);
  return [previousWeek(current), current];
}

// ---- per organisation and region (issue 18 point 4, ADR 0048) ----

/** The region of a case whose region is not known: no regional pathway and no starting organisation with one. */
export const unknownRegion = 'unknown';

/** The organisation id under which the rows for every organisation together are kept (the admins' view). */
export const allOrganisations = '*';

/** A case as the per-organisation figures read it: its history, its region and the organisations that took part. */
export interface OrganisationCase {
  history: CaseHistory;
  /** 'VR01'…'VR25' or 'unknown', fixed at the start (regionOfCase). */
  region: string;
  /** Each organisation whose member came to hold the case's keys, with the first day one did. */
  organisations: readonly { organisationId: string; on: string }[];
}

/** One stored row of measure_organisation_weekly (migration 0044). */
export interface OrganisationMeasureRow {
  week: string;
  organisationId: string;
  region: string;
  measure: string;
  count: number;
}

/**
 * The measure names of the per-organisation table, the national tables' figures again (modes added together):
 * flows over the week, states at its end, first help by band of days and open cases per track.
 */
export const organisationMeasures = {
  started: 'cases.started',
  closed: 'cases.closed',
  open: 'cases.open',
  waitingForHelp: 'cases.waiting_for_help',
  meetings: 'meetings',
  parentInvited: 'meetings.parent_invited',
  parentTookPart: 'meetings.parent_took_part',
  agreementsOpen: 'agreements.open',
  agreementsOverdue: 'agreements.overdue',
} as const;
export const firstHelpMeasure = (bucket: DaysBucket): string => `first_help.${bucket}`;
export const trackMeasure = (track: string): string => `tracks.${track}`;

/** A week's figures as (measure, count) pairs, zeros left out (an absent row is a count of 0). */
function measuresOf(figures: WeekFigures): [measure: string, count: number][] {
  const sum = <Row>(rows: readonly Row[], value: (row: Row) => number): number =>
    rows.reduce((total, row) => total + value(row), 0);
  const pairs: [string, number][] = [
    [organisationMeasures.started, sum(figures.cases, (row) => row.started)],
    [organisationMeasures.closed, sum(figures.cases, (row) => row.closed)],
    [organisationMeasures.open, sum(figures.cases, (row) => row.open)],
    [organisationMeasures.waitingForHelp, sum(figures.cases, (row) => row.waitingForHelp)],
    [organisationMeasures.meetings, sum(figures.meetings, (row) => row.meetings)],
    [organisationMeasures.parentInvited, sum(figures.meetings, (row) => row.parentInvited)],
    [organisationMeasures.parentTookPart, sum(figures.meetings, (row) => row.parentTookPart)],
    ...figures.firstHelp.map((row): [string, number] => [firstHelpMeasure(row.daysBucket), row.cases]),
    [organisationMeasures.agreementsOpen, figures.agreements.open],
    [organisationMeasures.agreementsOverdue, figures.agreements.overdue],
    ...figures.tracks.map((row): [string, number] => [trackMeasure(row.track), row.cases]),
  ];
  return pairs.filter(([, count]) => count > 0);
}

/**
 * The rows of `week` for every organisation and region, and for every organisation together (allOrganisations).
 * An organisation counts a case once one of its members had come to hold the case's keys by the last day
 * counted; from then on the whole case counts, its start included. Each case counts once under '*', however many
 * organisations took part. Only organisations and regions with a count above 0 get rows.
 */
export function organisationWeekRows(
  cases: readonly OrganisationCase[],
  week: string,
  today: string,
): OrganisationMeasureRow[] {
  const end = weekEnd(week);
  const through = today < end ? today : end;
  const groups = new Map<string, { organisationId: string; region: string; histories: CaseHistory[] }>();
  const add = (organisationId: string, region: string, history: CaseHistory): void => {
    const key = `${organisationId}\u0000${region}`;
    const group = groups.get(key) ?? { organisationId, region, histories: [] };
    group.histories.push(history);
    groups.set(key, group);
  };
  for (const one of cases) {
    const present = new Set(
      one.organisations.filter((joined) => joined.on <= through).map((joined) => joined.organisationId),
    );
    if (present.size === 0) continue;
    for (const organisationId of present) add(organisationId, one.region, one.history);
    add(allOrganisations, one.region, one.history);
  }
  const rows: OrganisationMeasureRow[] = [];
  for (const group of groups.values()) {
    for (const [measure, count] of measuresOf(weekFigures(group.histories, week, today))) {
      rows.push({ week, organisationId: group.organisationId, region: group.region, measure, count });
    }
  }
  return rows.sort(
    (a, b) =>
      a.organisationId.localeCompare(b.organisationId) ||
      a.region.localeCompare(b.region) ||
      a.measure.localeCompare(b.measure),
  );
}

/** A place as the region of an organisation's area is worked out from it (the help finder's municipalities). */
export interface RegionPlace {
  code: string;
  provinceCode: string;
  safetyRegionCode: string;
  policeUnit: string;
}

const safetyRegionPattern = /^VR\d{2}$/;

/**
 * The one safety region an organisation's area (its record's `area`, as the help finder reads it) lies in, or
 * undefined when it spans more than one, is national or is not known. A province or police unit that is one
 * safety region gives that region.
 */
export function regionOfArea(area: unknown, places: readonly RegionPlace[]): string | undefined {
  if (typeof area !== 'object' || area === null) return undefined;
  const { type, codes, names } = area as { type?: unknown; codes?: unknown; names?: unknown };
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  let regions: string[];
  switch (type) {
    case 'veiligheidsregio':
      regions = list(codes);
      break;
    case 'municipalities':
      regions = places.filter((place) => list(codes).includes(place.code)).map((place) => place.safetyRegionCode);
      break;
    case 'province':
      regions = places
        .filter((place) => list(codes).includes(place.provinceCode))
        .map((place) => place.safetyRegionCode);
      break;
    case 'police-unit':
      regions = places.filter((place) => list(names).includes(place.policeUnit)).map((place) => place.safetyRegionCode);
      break;
    default:
      return undefined;
  }
  const distinct = [...new Set(regions)];
  return distinct.length === 1 && safetyRegionPattern.test(distinct[0]!) ? distinct[0] : undefined;
}

/**
 * A case's region, fixed at its start: the region of its regional pathway ('region:VRnn'); otherwise the region
 * of the organisation of the member who started it, when that is known; otherwise 'unknown'.
 */
export function regionOfCase(pathwayKey: string, starterOrganisationRegion: string | undefined): string {
  const pathway = /^region:(VR\d{2})$/.exec(pathwayKey);
  if (pathway !== null) return pathway[1]!;
  return starterOrganisationRegion ?? unknownRegion;
}
