// Times as a recipient reads them: on their own zone's wall clock, in one fixed locale (the emails are
// English), with the zone's name and offset spelled out so nobody has to guess. The host's emails read
// on the host's clock (lib/hosts/host-clock.ts); the invitee's on 12 hours.

import { clockOptions, type HourCycle } from '@/lib/hosts/host-clock';

const LOCALE = 'en-US';

function format(instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(LOCALE, { ...options, timeZone }).format(instant);
}

/** "Tuesday, December 8, 2026 · 10:00 AM – 10:30 AM"; the end carries its own date when it is another day. */
export function formatMeetingTime(start: Date, end: Date, timeZone: string, cycle: HourCycle = '12h'): string {
  const day = (at: Date) => format(at, timeZone, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  const time = (at: Date) => format(at, timeZone, clockOptions(cycle));
  const endText = day(end) === day(start) ? time(end) : `${day(end)} · ${time(end)}`;
  return `${day(start)} · ${time(start)} – ${endText}`;
}

/** "Europe/Berlin (GMT+1)" at the given instant (the offset of that date, not of today). */
export function formatTimeZone(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** "Tue, Dec 8, 10:00 AM" (or "…, 10:00") for subjects. */
export function formatSubjectTime(start: Date, timeZone: string, cycle: HourCycle = '12h'): string {
  return format(start, timeZone, { weekday: 'short', month: 'short', day: 'numeric', ...clockOptions(cycle) });
}
