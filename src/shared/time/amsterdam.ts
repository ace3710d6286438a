const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) in the Netherlands at this instant, whatever the server's time zone. */
export function amsterdamDay(instant: Date): string {
  return dayFormat.format(instant);
}
