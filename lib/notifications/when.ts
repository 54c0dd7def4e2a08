import { intlLocale, type Locale } from '@/lib/i18n/locales';

// Times as a recipient reads them: on their own zone's wall clock, in their language (with its own
// 12/24-hour clock: en "10:00 AM", de "10:00"), with the zone's name and offset spelled out so nobody
// has to guess. English is the default.

function format(instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone }).format(instant);
}

/** "Tuesday, December 8, 2026 · 10:00 AM – 10:30 AM"; the end carries its own date when it is another day. */
export function formatMeetingTime(start: Date, end: Date, timeZone: string, locale: Locale = 'en'): string {
  const day = (at: Date) => format(at, timeZone, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }, locale);
  const time = (at: Date) => format(at, timeZone, { hour: 'numeric', minute: '2-digit' }, locale);
  const endText = day(end) === day(start) ? time(end) : `${day(end)} · ${time(end)}`;
  return `${day(start)} · ${time(start)} – ${endText}`;
}

/** "Europe/Berlin (GMT+1)" at the given instant (the offset of that date, not of today). */
export function formatTimeZone(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** "Tue, Dec 8, 10:00 AM" (de: "Di., 8. Dez., 10:00") for subjects. */
export function formatSubjectTime(start: Date, timeZone: string, locale: Locale = 'en'): string {
  return format(start, timeZone, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, locale);
}
