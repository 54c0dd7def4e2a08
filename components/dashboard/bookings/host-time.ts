import { formatTimeRange } from '@/components/booking/format-time';

// Booking times as the host reads them on the dashboard: always in a named zone (the host's, or the
// invitee's where the page says so), never the server's own. One fixed locale, like the booking pages.

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

/** "Mon, Jan 11, 2027 · 10:00 AM – 10:30 AM" */
export function formatWhen(start: Date, end: Date, timeZone: string): string {
  return `${formatShortDate(start, timeZone)} · ${formatTimeRange(start, end, timeZone)}`;
}
