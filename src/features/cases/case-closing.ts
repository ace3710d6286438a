/*
 * Closing and keeping a case (issue 15 point 4, ADR 0031), the pure part: when a closed case is deleted and when
 * its members are told. Dates are ISO instants (UTC); months are calendar months, so a case closed on 31 March
 * with 11 months to go is told on 28 (or 29) February, never on 2 March.
 */

/** Why a case was closed: the one reason the issue names (aftercare done). Stored as this code. */
export const closeReasons = ['aftercare-done'] as const;
export type CloseReason = (typeof closeReasons)[number];

/** How long before the deletion the members are told. */
export const noticeMonthsBefore = 1;

/** `at` plus `months` calendar months (negative: back), the day clamped to the end of a shorter month. */
export function addMonths(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(at.getUTCDate(), lastDay),
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
}

/** The start (00:00 UTC) of the day `at` falls on. */
export const startOfDay = (at: Date): Date =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/**
 * When a case closed at `closedAt` is deleted: the start of the day the retention in months later. Whole days, so
 * the daily task (05:00 UTC) tells and deletes on the days the members were given, whatever the hour of closing.
 */
export const deleteAfterOf = (closedAt: Date, retentionMonths: number): Date =>
  startOfDay(addMonths(closedAt, retentionMonths));

/** From when the members are told: a month before the deletion. */
export const noticeFrom = (deleteAfter: Date): Date => addMonths(deleteAfter, -noticeMonthsBefore);

/**
 * The deletion date once the notice goes out at `now`: the stored one, unless the notice is late (the daily task
 * did not run, the retention was short): then a month after the notice, so nobody loses a case without a month's
 * warning.
 */
export function deleteAfterWithNotice(deleteAfter: Date, now: Date): Date {
  const earliest = startOfDay(addMonths(now, noticeMonthsBefore));
  return earliest.getTime() > deleteAfter.getTime() ? earliest : deleteAfter;
}

/** What a closed case's daily check does at `now`: nothing yet, tell the members, or destroy its keys. */
export type ClosingStep = 'wait' | 'notice' | 'shred';

export function closingStep(
  state: { deleteAfter: Date; noticeAt: Date | null; shredded: boolean },
  now: Date,
): ClosingStep {
  if (state.shredded) return 'wait';
  if (state.noticeAt === null) return now.getTime() >= noticeFrom(state.deleteAfter).getTime() ? 'notice' : 'wait';
  return now.getTime() >= state.deleteAfter.getTime() ? 'shred' : 'wait';
}
