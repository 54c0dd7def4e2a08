import { dateTimeFormat } from '@/lib/date-time-format';

// The host's clock: the one formatter for every time a host reads, on the dashboard and in their
// emails. Pure (Intl only, no process locale or zone): the words stay English ('en-US'), only the
// 12- or 24-hour clock follows the host's choice, or their locale when they chose "automatic".

export const hourCyclePreferences = ['auto', '12h', '24h'] as const;
export type HourCyclePreference = (typeof hourCyclePreferences)[number];
export type HourCycle = '12h' | '24h';

/** What decides a host's clock: their stored choice and the locale they signed up with. */
export interface HostClockSettings {
  hourCycle: HourCyclePreference;
  locale: string | null;
}

const LOCALE = 'en-US';
const MAX_LOCALE_LENGTH = 35;

/** The clock a locale's readers expect: "en-US" → 12h, "en-GB" and "de" → 24h. Unknown or none → 12h (the UI's en-US). */
export function localeHourCycle(locale: string | null | undefined): HourCycle {
  if (!locale) return '12h';
  try {
    // Only a locale Intl knows: an unknown one would fall back to the process's own locale.
    const [supported] = Intl.DateTimeFormat.supportedLocalesOf(locale);
    if (!supported) return '12h';
    const cycle = new Intl.DateTimeFormat(supported, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h23' || cycle === 'h24' ? '24h' : '12h';
  } catch {
    return '12h';
  }
}

export function resolveHourCycle(settings: HostClockSettings): HourCycle {
  return settings.hourCycle === 'auto' ? localeHourCycle(settings.locale) : settings.hourCycle;
}

/** The most preferred language of an Accept-Language header that Intl knows, canonical ("en-gb" → "en-GB"); else null. */
export function localeFromAcceptLanguage(header: string | null | undefined): string | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranked) {
    try {
      const [canonical] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (canonical && canonical.length <= MAX_LOCALE_LENGTH) return canonical;
    } catch {
      // Not a language tag: try the next.
    }
  }
  return null;
}

const formatter = (timeZone: string, options: Intl.DateTimeFormatOptions) => dateTimeFormat(LOCALE, timeZone, options);

/** The hour and minute options of a clock, for callers that format a date and a time together. */
export function clockOptions(cycle: HourCycle): Intl.DateTimeFormatOptions {
  return cycle === '24h' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' };
}

type InstantLike = Date | number | string;
const toDate = (instant: InstantLike) => (instant instanceof Date ? instant : new Date(instant));

/** "2:00 PM", or "14:00", on timeZone's wall clock. */
export function formatClock(instant: InstantLike, timeZone: string, cycle: HourCycle): string {
  return formatter(timeZone, clockOptions(cycle)).format(toDate(instant));
}

/** "2:00 PM – 2:30 PM", or "14:00 – 14:30". */
export function formatClockRange(start: InstantLike, end: InstantLike, timeZone: string, cycle: HourCycle): string {
  return `${formatClock(start, timeZone, cycle)} – ${formatClock(end, timeZone, cycle)}`;
}

/** "Mon, Jan 11, 2027, 2:00 PM", or "Mon, Jan 11, 2027, 14:00". */
export function formatDateTime(instant: InstantLike, timeZone: string, cycle: HourCycle): string {
  return formatter(timeZone, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', ...clockOptions(cycle) }).format(toDate(instant));
}

/** A wall time "HH:MM" (hours and overrides; "24:00" ends a day): "14:00" as is, or "2:00 PM" ("24:00" → "12:00 AM"). */
export function formatWallTime(time: string, cycle: HourCycle): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (cycle === '24h') return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour}:${String(minutes).padStart(2, '0')} ${hours % 24 < 12 ? 'AM' : 'PM'}`;
}

/** "09:00–17:00", or "9:00 AM – 5:00 PM". */
export function formatWallWindow(window: { startTime: string; endTime: string }, cycle: HourCycle): string {
  const dash = cycle === '24h' ? '–' : ' – ';
  return `${formatWallTime(window.startTime, cycle)}${dash}${formatWallTime(window.endTime, cycle)}`;
}
