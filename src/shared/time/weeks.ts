/*
 * Calendar days and ISO 8601 weeks in the Netherlands' calendar (YYYY-MM-DD, 'YYYY-Www'), for figures counted
 * by week: the case measures (ADR 0032) and the insights page (issue 18). Pure arithmetic on days; which day it
 * is now comes from amsterdam.ts.
 */

const dayMs = 86_400_000;

/** A calendar day as a UTC midnight, for arithmetic only. */
const dayTime = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const dayOfTime = (time: number): string => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return dayOfTime(dayTime(day) + days * dayMs);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayTime(to) - dayTime(from)) / dayMs);
}

/** The ISO 8601 week of a day, as 'YYYY-Www' (the year is the week's, which differs from the day's around 1 January). */
export function isoWeekOf(day: string): string {
  const time = dayTime(day);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = time + (3 - weekday) * dayMs; // a week belongs to the year its Thursday is in
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / dayMs / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const weekPattern = /^(\d{4})-W(\d{2})$/;

export function isIsoWeek(value: string): boolean {
  const match = weekPattern.exec(value);
  return match !== null && isoWeekOf(weekStart(value)) === value;
}

/** The Monday of an ISO week. */
export function weekStart(week: string): string {
  const match = weekPattern.exec(week);
  if (match === null) throw new RangeError(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const january4 = Date.UTC(year, 0, 4); // always in week 1
  const firstMonday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * dayMs;
  return dayOfTime(firstMonday + (number - 1) * 7 * dayMs);
}

/** The Sunday of an ISO week. */
export const weekEnd = (week: string): string => addDays(weekStart(week), 6);
export const previousWeek = (week: string): string => isoWeekOf(addDays(weekStart(week), -7));
