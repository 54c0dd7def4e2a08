// Time helpers shared with the API layer. All are independent of the process time zone.
import { MS_PER_DAY, formatLocalDate, parseLocalDate } from './calendar-date';
import { parseTimeOfDay } from './time-of-day';
import { createZoneClock } from './zone-offsets';
import type { Interval } from './types';

export { addDays, dayOfWeekOf } from './calendar-date';
export { canonicalTimeZone, isValidTimeZone } from './zone-offsets';

/**
 * The instant a host-local date and time denote: ("2026-03-09", "09:00", "America/New_York") is
 * 13:00Z. "24:00" is the next day's midnight. Skipped and repeated wall times: see ZoneClock.
 */
export function localDateTimeToInstant(date: string, time: string, timeZone: string): number {
  const wallTime = parseLocalDate(date) * MS_PER_DAY + parseTimeOfDay(time);
  return createZoneClock(timeZone).wallTimeToInstant(wallTime);
}

/** From startDate's local midnight up to the local midnight that ends endDate. */
export function localDateRangeToInterval(startDate: string, endDate: string, timeZone: string): Interval {
  const clock = createZoneClock(timeZone);
  return {
    start: clock.wallTimeToInstant(parseLocalDate(startDate) * MS_PER_DAY),
    end: clock.wallTimeToInstant((parseLocalDate(endDate) + 1) * MS_PER_DAY),
  };
}

/** "YYYY-MM-DD" of an instant as seen on a wall clock in timeZone. */
export function localDateOf(instant: number, timeZone: string): string {
  const wallTime = createZoneClock(timeZone).instantToWallTime(instant);
  return formatLocalDate(Math.floor(wallTime / MS_PER_DAY));
}
