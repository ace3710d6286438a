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
