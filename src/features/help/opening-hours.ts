import { type OpeningHours, type Weekday, weekdays } from './organisation.schema.js';

/** Whether a line is open at an instant, judged in Dutch time (Europe/Amsterdam), summer time included. */
export type OpenState =
  | { open: true; always: true }
  | { open: true; always: false; closesAt: string }
  | { open: false; opens?: { day: 'today' | 'tomorrow' | Weekday; time: string } };

const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar date and clock time in the Netherlands at this instant. */
export function amsterdamClock(instant: Date): { date: string; time: string; weekday: Weekday } {
  const parts = Object.fromEntries(localParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, time: `${parts.hour}:${parts.minute}`, weekday: weekdayOf(date) };
}

/** Weekday of a calendar date, computed on the date alone so no clock change can shift it. */
function weekdayOf(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekdays[(sundayFirst + 6) % 7]!;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function intervalsOn(hours: Extract<OpeningHours, { always: false }>, date: string): [string, string][] {
  const exception = hours.exceptions.find((entry) => entry.date === date);
  if (exception !== undefined) return exception.hours;
  return hours.weekly[weekdayOf(date)] ?? [];
}

export function openState(hours: OpeningHours, instant: Date): OpenState {
  if (hours.always) return { open: true, always: true };
  const now = amsterdamClock(instant);
  const current = intervalsOn(hours, now.date).find(([from, until]) => from <= now.time && now.time < until);
  if (current !== undefined) return { open: true, always: false, closesAt: current[1] };
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = addDays(now.date, offset);
    const next = intervalsOn(hours, date)
      .filter(([from]) => offset > 0 || from > now.time)
      .sort(([a], [b]) => a.localeCompare(b))[0];
    if (next !== undefined) {
      const day = offset === 0 ? 'today' : offset === 1 ? 'tomorrow' : weekdayOf(date);
      return { open: false, opens: { day, time: next[0] } };
    }
  }
  return { open: false };
}
