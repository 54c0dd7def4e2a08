import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { addDays, formatLocalDate, parseLocalDate, weekdayOfDayNumber } from '@/lib/scheduling/calendar-date';

// Calendar months as "YYYY-MM" and their days as "YYYY-MM-DD": plain calendar arithmetic, no zones.

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: string): string {
  return `${month}-01`;
}

export function addMonths(month: string, count: number): string {
  const [year = 1970, monthNumber = 1] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function lastDayOfMonth(month: string): string {
  return addDays(firstDayOfMonth(addMonths(month, 1)), -1);
}

/** "November 2026" (de: "November 2026", fr: "novembre 2026") */
export function formatMonth(month: string, locale: Locale = 'en'): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${firstDayOfMonth(month)}T00:00:00Z`),
  );
}

/** The month's days in weeks starting on `weekStart` (0 = Sunday, 1 = Monday); null pads the first and last week. */
export function monthWeeks(month: string, weekStart: 0 | 1 = 0): (string | null)[][] {
  const first = parseLocalDate(firstDayOfMonth(month));
  const last = parseLocalDate(lastDayOfMonth(month));
  const cells: (string | null)[] = Array.from({ length: (weekdayOfDayNumber(first) - weekStart + 7) % 7 }, () => null);
  for (let day = first; day <= last; day++) cells.push(formatLocalDate(day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The part of a month an invitee can book: not before today, not past the horizon. Null if none. */
export function bookableRange(month: string, today: string, lastBookableDay: string): { start: string; end: string } | null {
  const start = firstDayOfMonth(month) > today ? firstDayOfMonth(month) : today;
  const end = lastDayOfMonth(month) < lastBookableDay ? lastDayOfMonth(month) : lastBookableDay;
  return start <= end ? { start, end } : null;
}

/** The seven column headings from `weekStart` on, short and long ("Mo", "Montag"), in the locale's words. */
export function weekdayNames(locale: Locale, weekStart: 0 | 1): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' });
  // 1 November 2026 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 10, 1 + weekStart + i))).map((day) => ({ short: short.format(day), long: long.format(day) }));
}
