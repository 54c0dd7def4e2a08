// Calendar dates as "day numbers" (whole days since 1970-01-01): no time zone is involved.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" -> day number; throws RangeError for malformed or impossible dates ("2026-02-30"). */
export function parseLocalDate(date: string): number {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    // setUTCFullYear, unlike Date.UTC, does not remap years 0-99 to 1900-1999.
    const instant = new Date(0).setUTCFullYear(year, month - 1, day);
    if (formatLocalDate(instant / MS_PER_DAY) === date) return instant / MS_PER_DAY;
  }
  throw new RangeError(`Invalid local date "${date}", expected YYYY-MM-DD`);
}

/** Day number -> "YYYY-MM-DD". */
export function formatLocalDate(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** 0 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday for a "YYYY-MM-DD" calendar date. */
export function dayOfWeekOf(date: string): number {
  return weekdayOfDayNumber(parseLocalDate(date));
}

/** Calendar arithmetic on "YYYY-MM-DD"; negative days go back. */
export function addDays(date: string, days: number): string {
  return formatLocalDate(parseLocalDate(date) + days);
}
