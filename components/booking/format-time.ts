import { dateTimeFormat } from '@/lib/date-time-format';
import { intlLocale, type Locale } from '@/lib/i18n/locales';

// How instants read to an invitee: always in a named IANA zone, never the process's own zone, and in
// the page's language (passed in, never the process's or browser's default), so server and browser
// renders agree. English is the default.

const formatter = (timeZone: string, options: Intl.DateTimeFormatOptions, locale: Locale = 'en') => dateTimeFormat(intlLocale(locale), timeZone, options);

type InstantLike = string | number | Date;
const toDate = (instant: InstantLike) => (instant instanceof Date ? instant : new Date(instant));

/** "9:30 AM", or "09:30" on a 24-hour clock. */
export function formatTime(instant: InstantLike, timeZone: string, hourCycle: '12h' | '24h' = '12h', locale: Locale = 'en'): string {
  const options: Intl.DateTimeFormatOptions =
    hourCycle === '24h' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { hour: 'numeric', minute: '2-digit', hour12: true };
  return formatter(timeZone, options, locale).format(toDate(instant));
}

/** The "YYYY-MM-DD" calendar date of an instant on a wall clock in timeZone. */
export function localDateKey(instant: InstantLike, timeZone: string): string {
  const parts = formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(toDate(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "Tuesday, November 24" (de: "Dienstag, 24. November") for a "YYYY-MM-DD" calendar date (no zone involved). */
export function formatDayHeading(date: string, locale: Locale = 'en'): string {
  return formatter('UTC', { weekday: 'long', month: 'long', day: 'numeric' }, locale).format(new Date(`${date}T00:00:00Z`));
}

/** "Tuesday, November 24, 2026" for an instant in timeZone. */
export function formatLongDate(instant: InstantLike, timeZone: string, locale: Locale = 'en'): string {
  return formatter(timeZone, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }, locale).format(toDate(instant));
}

/** "Tue, Jan 12, 9:00 AM", or with the year: "Tue, Jan 12, 2027, 9:00 AM" (the locale's own clock). */
export function formatShortDateTime(instant: InstantLike, timeZone: string, options: { withYear?: boolean; locale?: Locale } = {}): string {
  const year = options.withYear ? ({ year: 'numeric' } as const) : {};
  return formatter(timeZone, { weekday: 'short', month: 'short', day: 'numeric', ...year, hour: 'numeric', minute: '2-digit' }, options.locale).format(toDate(instant));
}

/** "9:00 AM – 9:30 AM", or "09:00 – 09:30" */
export function formatTimeRange(start: InstantLike, end: InstantLike, timeZone: string, hourCycle: '12h' | '24h' = '12h', locale: Locale = 'en'): string {
  return `${formatTime(start, timeZone, hourCycle, locale)} – ${formatTime(end, timeZone, hourCycle, locale)}`;
}

/** "GMT+1", "GMT-5", "GMT+5:45" at the given instant. */
export function formatZoneOffset(timeZone: string, at: InstantLike): string {
  const parts = formatter(timeZone, { timeZoneName: 'shortOffset' }).formatToParts(toDate(at));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "Europe/Berlin" → "Europe/Berlin (GMT+1)"; underscores read as spaces. */
export function formatZoneLabel(timeZone: string, at: InstantLike): string {
  return `${timeZone.replaceAll('_', ' ')} (${formatZoneOffset(timeZone, at)})`;
}
