// A booking's date as the host scans it in the list: on a named zone's wall clock (the host's), never
// the server's own. One fixed locale, like the booking pages' format-time.

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** "Mon, Jan 11, 2027" on the wall clock of timeZone. */
export function formatShortDate(instant: Date, timeZone: string): string {
  let formatter = shortDates.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
    shortDates.set(timeZone, formatter);
  }
  return formatter.format(instant);
}
