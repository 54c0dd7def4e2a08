import { addDays, formatLocalDate, MS_PER_DAY } from '@/lib/scheduling/calendar-date';

// The booking page's first month, sent with the page (opening-slots.ts). The server does not know the
// invitee's zone, so it asks for UTC dates wide enough for the first month in any zone: every zone's
// calendar date is within a day of UTC's. Pure, so the browser's side can share the type.

export interface OpeningSlots {
  /** The UTC dates asked for: a zone's dates strictly between them have all their slots here. */
  start: string;
  end: string;
  /** [start, end] in epoch ms, ascending, cut for notice and horizon when the page was rendered; a group event's add the seats left. */
  slots: (readonly [number, number] | readonly [number, number, number])[];
}

/** UTC dates that hold, in any zone, today and the rest of its month. */
export function openingDates(now: number): { start: string; end: string } {
  const today = Math.floor(now / MS_PER_DAY);
  // An invitee's today is within a day of UTC's: at most tomorrow, in tomorrow's month at the latest.
  const tomorrow = new Date((today + 1) * MS_PER_DAY);
  const lastOfTomorrowsMonth = Date.UTC(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, 0) / MS_PER_DAY;
  return { start: formatLocalDate(today - 2), end: addDays(formatLocalDate(lastOfTomorrowsMonth), 1) };
}
