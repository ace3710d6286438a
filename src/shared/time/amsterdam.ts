const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Formatting with a time zone is slow next to the rest of a request; the day only changes on the hour
// (time zones and summer time shift by whole hours or halves at most), so one answer per minute is enough.
let cachedMinute = Number.NaN;
let cachedDay = '';

/** The calendar day (YYYY-MM-DD) in the Netherlands at this instant, whatever the server's time zone. */
export function amsterdamDay(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== cachedMinute) {
    cachedDay = dayFormat.format(instant);
    cachedMinute = minute;
  }
  return cachedDay;
}
