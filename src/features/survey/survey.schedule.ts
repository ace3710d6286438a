import { addDays } from '../../shared/time/weeks.js';

/*
 * When a parent may be offered the survey (ADR 0047), as pure arithmetic on calendar days (YYYY-MM-DD,
 * Europe/Amsterdam). The only thing stored about a parent is `not_before`: the day before which no new offer is
 * made. It is written once, when an offer is made, to the offer's day plus a quarter plus a random 0–13 days, so it
 * does not name the day of the offer (nor of an answer, which is never written to it at all).
 */

/** A quarter, counted generously: the longest three calendar months (July–September, 92 days). */
export const quarterDays = 92;
/** The random days added to a quarter: the offer's day is hidden among this many days (two ISO weeks). */
export const jitterDays = 14;

/** The milestones that may lead to an offer (stored with an answer: the figures are split by them). */
export const surveyMilestones = ['new-track', 'case-closed', 'journal-three-months'] as const;
export type SurveyMilestone = (typeof surveyMilestones)[number];

export const isSurveyMilestone = (value: string): value is SurveyMilestone =>
  (surveyMilestones as readonly string[]).includes(value);

/** A milestone that happened to a parent, on a day. */
export interface MilestoneDay {
  milestone: SurveyMilestone;
  day: string;
}

/** The not-before day written with an offer made on `offerDay`: a quarter and `jitter` (0 ≤ jitter < jitterDays) later. */
export function notBeforeAfterOffer(offerDay: string, jitter: number): string {
  if (!Number.isInteger(jitter) || jitter < 0 || jitter >= jitterDays) throw new RangeError('jitter out of range');
  return addDays(offerDay, quarterDays + jitter);
}

/** Whether a new offer may be made today: never offered, or the not-before day has come. */
export const offerAllowed = (today: string, notBefore: string | undefined): boolean =>
  notBefore === undefined || today >= notBefore;

/**
 * The days in which a milestone counts for an offer today: after the last offer and within the last quarter.
 *
 * The last offer's day is not stored; from `not_before` it lies between `not_before − quarter − 13` and
 * `not_before − quarter`. A milestone counts only when it is later than the latest of those days, so a milestone
 * that led to (or came before) the last offer never counts again; the price is that a milestone in the first
 * days after an offer may not count. Milestones older than a quarter do not count either (the questions ask
 * about what just happened; and a parent never offered is not asked about a case closed years ago).
 * Returns `after` (exclusive) and `until` (inclusive, today).
 */
export function milestoneWindow(today: string, notBefore: string | undefined): { after: string; until: string } {
  const freshness = addDays(today, -quarterDays);
  const lastOffer = notBefore === undefined ? undefined : addDays(notBefore, -quarterDays);
  return { after: lastOffer !== undefined && lastOffer > freshness ? lastOffer : freshness, until: today };
}

/** The milestone that leads to an offer today, if any: the most recent one inside the window. */
export function milestoneToOffer(
  today: string,
  notBefore: string | undefined,
  milestones: readonly MilestoneDay[],
): SurveyMilestone | undefined {
  if (!offerAllowed(today, notBefore)) return undefined;
  const { after, until } = milestoneWindow(today, notBefore);
  let latest: MilestoneDay | undefined;
  for (const candidate of milestones) {
    if (candidate.day <= after || candidate.day > until) continue;
    if (latest === undefined || candidate.day > latest.day) latest = candidate;
  }
  return latest?.milestone;
}
