import { addDays, MS_PER_DAY } from '@/lib/scheduling';

// Time off as the dialog sends it, a range or a few separate dates, turned into the dates it covers.
// Pure, so the schema, the verb and the tests share one reading of "from–to".

/** A year and a day: a long leave fits, a typo in the year does not quietly write thousands of rows. */
export const MAX_TIME_OFF_DAYS = 366;

/** Days from `from` to `to`, both counted ("2030-01-01" to "2030-01-01" is 1); 0 or less when `to` comes first. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY) + 1;
}

/** Every date from `from` to `to`, both included, earliest first; empty when `to` comes first. */
export function datesInRange(from: string, to: string): string[] {
  const count = Math.min(daysInRange(from, to), MAX_TIME_OFF_DAYS);
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addDays(from, index));
}

/** Each date once, earliest first ("YYYY-MM-DD" sorts as text). */
export function distinctDates(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}

export type TimeOffSpan = { kind: 'range'; from: string; to: string } | { kind: 'dates'; dates: string[] };

/** The dates a span covers, each once, earliest first. */
export function timeOffDates(span: TimeOffSpan): string[] {
  return span.kind === 'range' ? datesInRange(span.from, span.to) : distinctDates(span.dates);
}
