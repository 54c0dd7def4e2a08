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

/** "November 2026" */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${firstDayOfMonth(month)}T00:00:00Z`),
  );
}

/** The month's days in weeks starting on Sunday; null pads the first and last week. */
export function monthWeeks(month: string): (string | null)[][] {
  const first = parseLocalDate(firstDayOfMonth(month));
  const last = parseLocalDate(lastDayOfMonth(month));
  const cells: (string | null)[] = Array.from({ length: weekdayOfDayNumber(first) }, () => null);
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
