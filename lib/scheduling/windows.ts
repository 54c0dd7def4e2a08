import { MS_PER_DAY, parseLocalDate, weekdayOfDayNumber } from './calendar-date';
import { parseTimeOfDay } from './time-of-day';
import type { ZoneClock } from './zone-offsets';
import type { DateOverride, Interval, ScheduleInput, WeeklyRule } from './types';

/** One host-local date: its span of instants and the bookable windows inside it. */
export interface DayAvailability {
  /** Whole days since 1970-01-01 (see calendar-date.ts). */
  dayNumber: number;
  /** [local midnight, next local midnight), so a date is 23, 24 or 25 hours long (or 23.5 ...). */
  span: Interval;
  /** Sorted, disjoint, non-empty and inside span. */
  windows: Interval[];
}

/** Start and end as milliseconds after local midnight. */
interface WallWindow {
  start: number;
  end: number;
}

type AvailabilityRules = Pick<ScheduleInput, 'rules' | 'overrides'>;

/**
 * Windows for every host-local date that touches `range`, padded by a day either side. Dates with
 * override rows use those; other dates use the weekly rules for their weekday. Each wall time is
 * converted with its own date's offset, so a window across a DST change gains or loses the hour.
 */
export function availabilityByDay(schedule: AvailabilityRules, clock: ZoneClock, range: Interval): DayAvailability[] {
  if (!(range.end > range.start)) return [];
  const rulesByWeekday = wallWindowsByWeekday(schedule.rules);
  const overridesByDay = wallWindowsByOverriddenDay(schedule.overrides);
  const firstDay = Math.floor(clock.instantToWallTime(range.start) / MS_PER_DAY) - 1;
  const lastDay = Math.floor(clock.instantToWallTime(range.end - 1) / MS_PER_DAY) + 1;

  const days: DayAvailability[] = [];
  let dayStart = clock.wallTimeToInstant(firstDay * MS_PER_DAY);
  for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber++) {
    // Never let a date begin before the previous one ends, so dates tile time in order.
    const dayEnd = Math.max(dayStart, clock.wallTimeToInstant((dayNumber + 1) * MS_PER_DAY));
    const span = { start: dayStart, end: dayEnd };
    const wallWindows = overridesByDay.get(dayNumber) ?? rulesByWeekday[weekdayOfDayNumber(dayNumber)] ?? [];
    days.push({ dayNumber, span, windows: toInstantWindows(wallWindows, dayNumber, span, clock) });
    dayStart = dayEnd;
  }
  return days;
}

function toInstantWindows(wallWindows: WallWindow[], dayNumber: number, span: Interval, clock: ZoneClock): Interval[] {
  const midnight = dayNumber * MS_PER_DAY;
  const windows: Interval[] = [];
  for (const wall of wallWindows) {
    // Clamping only matters when a skipped wall time is pushed past the end of its date.
    const start = Math.max(span.start, clock.wallTimeToInstant(midnight + wall.start));
    const end = Math.min(span.end, clock.wallTimeToInstant(midnight + wall.end));
    // Empty or inverted, e.g. 02:15-02:45 on a spring-forward day once both ends move forward.
    if (end > start) windows.push({ start, end });
  }
  return mergeTouching(windows);
}

/** Sorts and unions overlapping or adjacent windows; the grid then starts at the union's start. */
function mergeTouching(windows: Interval[]): Interval[] {
  if (windows.length < 2) return windows;
  windows.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}

function wallWindowsByWeekday(rules: WeeklyRule[]): WallWindow[][] {
  const byWeekday: WallWindow[][] = [[], [], [], [], [], [], []];
  for (const rule of rules) {
    byWeekday[rule.dayOfWeek]?.push({ start: parseTimeOfDay(rule.startTime), end: parseTimeOfDay(rule.endTime) });
  }
  return byWeekday;
}

/**
 * Day number -> that date's override windows. A both-null row closes the whole date; a row with
 * only one time set is malformed and contributes no window (the date still counts as overridden).
 */
function wallWindowsByOverriddenDay(overrides: DateOverride[]): Map<number, WallWindow[]> {
  const byDay = new Map<number, WallWindow[]>();
  const closedDays = new Set<number>();
  for (const override of overrides) {
    const dayNumber = parseLocalDate(override.date);
    const windows = byDay.get(dayNumber) ?? [];
    byDay.set(dayNumber, windows);
    if (override.startTime === null && override.endTime === null) closedDays.add(dayNumber);
    else if (override.startTime !== null && override.endTime !== null) {
      windows.push({ start: parseTimeOfDay(override.startTime), end: parseTimeOfDay(override.endTime) });
    }
  }
  for (const dayNumber of closedDays) byDay.set(dayNumber, []);
  return byDay;
}
