import { and, asc, countDistinct, eq, gte } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { availabilityOverrides } from '@/db/schema';
import { findHostSchedule, type ScheduleSummary } from '@/lib/hosts/schedules/rows';
import { localDateOf } from '@/lib/scheduling';
import { MAX_UPCOMING_OVERRIDE_DATES, MAX_WINDOWS_PER_DAY } from './limits';
import { toHoursAndMinutes, type WallWindow } from './wall-windows';

// Date overrides as the dashboard sees them: one entry per date, although the table holds one row per
// window (or one row with both times null for a date off). Each schedule has its own.

export interface DateOverrideView {
  date: string;
  unavailable: boolean;
  windows: WallWindow[];
}

/** The date it is now in a schedule's zone: overrides before it are past. */
export function scheduleToday(schedule: ScheduleSummary, now: number): string {
  return localDateOf(now, schedule.timeZone);
}

/** The host's schedule (default when none is named) and its date now; a 404 for another host's schedule. */
export async function findScheduleCalendar(database: Queryable, hostUserId: string, scheduleId: string | undefined, now: number): Promise<{ schedule: ScheduleSummary; today: string }> {
  const schedule = await findHostSchedule(database, hostUserId, scheduleId);
  return { schedule, today: scheduleToday(schedule, now) };
}

export async function hasOverrideOn(database: Queryable, scheduleId: string, date: string): Promise<boolean> {
  const rows = await database
    .select({ id: availabilityOverrides.id })
    .from(availabilityOverrides)
    .where(and(eq(availabilityOverrides.scheduleId, scheduleId), eq(availabilityOverrides.date, date)))
    .limit(1);
  return rows.length > 0;
}

export async function countUpcomingOverrideDates(database: Queryable, scheduleId: string, today: string): Promise<number> {
  const [row] = await database
    .select({ dates: countDistinct(availabilityOverrides.date) })
    .from(availabilityOverrides)
    .where(and(eq(availabilityOverrides.scheduleId, scheduleId), gte(availabilityOverrides.date, today)));
  return row?.dates ?? 0;
}

/** Today's and later overrides, earliest first; a date-off row wins over windows on the same date, as in the engine. */
export async function listUpcomingOverrides(database: Queryable, scheduleId: string, today: string): Promise<DateOverrideView[]> {
  const rows = await database
    .select({ date: availabilityOverrides.date, startTime: availabilityOverrides.startTime, endTime: availabilityOverrides.endTime })
    .from(availabilityOverrides)
    .where(and(eq(availabilityOverrides.scheduleId, scheduleId), gte(availabilityOverrides.date, today)))
    .orderBy(asc(availabilityOverrides.date), asc(availabilityOverrides.startTime))
    .limit(MAX_UPCOMING_OVERRIDE_DATES * MAX_WINDOWS_PER_DAY);
  const byDate = new Map<string, DateOverrideView>();
  for (const row of rows) {
    const view = byDate.get(row.date) ?? { date: row.date, unavailable: false, windows: [] };
    byDate.set(row.date, view);
    if (row.startTime === null || row.endTime === null) view.unavailable = true;
    else view.windows.push({ startTime: toHoursAndMinutes(row.startTime), endTime: toHoursAndMinutes(row.endTime) });
  }
  return [...byDate.values()].map((view) => (view.unavailable ? { ...view, windows: [] } : view));
}
