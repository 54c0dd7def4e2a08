import { dateTimeFormat } from '@/lib/date-time-format';
import { clockOptions, type HourCycle } from '@/lib/hosts/host-clock';
import { intlLocale, isLocale, type Locale } from '@/lib/i18n/locales';

// Times as a recipient reads them: on their own zone's wall clock, with the zone's name and offset
// spelled out so nobody has to guess. A host reads English on their own clock (lib/hosts/host-clock.ts:
// pass their HourCycle); an invitee reads their booking's language with its own 12/24-hour clock
// (pass their Locale: en "10:00 AM", de "10:00"). The default is English on 12 hours.

/** Who reads it: a host's clock (English words) or an invitee's language. */
export type Reader = HourCycle | Locale;

function format(instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions, reader: Reader): string {
  const locale = isLocale(reader) ? intlLocale(reader) : 'en-US';
  return dateTimeFormat(locale, timeZone, options).format(instant);
}

/** The hour and minute options for a reader: the host's chosen clock, or the language's own. */
function clock(reader: Reader): Intl.DateTimeFormatOptions {
  return isLocale(reader) ? { hour: 'numeric', minute: '2-digit' } : clockOptions(reader);
}

/** "Tuesday, December 8, 2026 · 10:00 AM – 10:30 AM"; the end carries its own date when it is another day. */
export function formatMeetingTime(start: Date, end: Date, timeZone: string, reader: Reader = '12h'): string {
  const day = (at: Date) => format(at, timeZone, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }, reader);
  const time = (at: Date) => format(at, timeZone, clock(reader), reader);
  const endText = day(end) === day(start) ? time(end) : `${day(end)} · ${time(end)}`;
  return `${day(start)} · ${time(start)} – ${endText}`;
}

/** "Europe/Berlin (GMT+1)" at the given instant (the offset of that date, not of today). */
export function formatTimeZone(timeZone: string, at: Date): string {
  const parts = dateTimeFormat('en-US', timeZone, { timeZoneName: 'shortOffset' }).formatToParts(at);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** "Tue, Dec 8, 10:00 AM" (or "…, 10:00"; de: "Di., 8. Dez., 10:00") for subjects. */
export function formatSubjectTime(start: Date, timeZone: string, reader: Reader = '12h'): string {
  return format(start, timeZone, { weekday: 'short', month: 'short', day: 'numeric', ...clock(reader) }, reader);
}
