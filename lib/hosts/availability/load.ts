import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { availabilityRules } from '@/db/schema';
import { listSchedules, lookUpHostSchedule, type ScheduleSummary } from '@/lib/hosts/schedules/rows';
import { type DateOverrideView, listUpcomingOverrides, scheduleToday } from './date-override-rows';
import { toHoursAndMinutes, type WallWindow } from './wall-windows';

// Everything the availability page shows for one schedule, in a few small queries.

export interface WeekDayHours {
  dayOfWeek: number;
  windows: WallWindow[];
}

export interface AvailabilitySettings {
  /** The schedule shown; its zone is the one its hours are read in. */
  schedule: ScheduleSummary;
  /** Every schedule of the host, default first, for the switcher. */
  schedules: ScheduleSummary[];
  timeZone: string;
  /** The date now in the schedule's zone: the earliest date an override may be added for. */
  today: string;
  /** Seven entries, Sunday (0) to Saturday (6); a day without windows is unavailable. */
  weeklyHours: WeekDayHours[];
  upcomingOverrides: DateOverrideView[];
}

export async function loadWeeklyHours(database: Queryable, scheduleId: string): Promise<WeekDayHours[]> {
  const rules = await database
    .select({ dayOfWeek: availabilityRules.dayOfWeek, startTime: availabilityRules.startTime, endTime: availabilityRules.endTime })
    .from(availabilityRules)
    .where(and(eq(availabilityRules.scheduleId, scheduleId), eq(availabilityRules.isActive, true)))
    .orderBy(asc(availabilityRules.dayOfWeek), asc(availabilityRules.startTime));
  const week: WeekDayHours[] = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, windows: [] }));
  for (const rule of rules) {
    week[rule.dayOfWeek]?.windows.push({ startTime: toHoursAndMinutes(rule.startTime), endTime: toHoursAndMinutes(rule.endTime) });
  }
  return week;
}

/** Null for no such host, or a schedule id that is not one of theirs. Without an id: the default schedule. */
export async function loadAvailabilitySettings(database: Queryable, hostUserId: string, now: number, scheduleId?: string): Promise<AvailabilitySettings | null> {
  const schedule = await lookUpHostSchedule(database, hostUserId, scheduleId);
  if (!schedule) return null;
  const today = scheduleToday(schedule, now);
  const [schedules, weeklyHours, upcomingOverrides] = await Promise.all([
    listSchedules(database, hostUserId),
    loadWeeklyHours(database, schedule.id),
    listUpcomingOverrides(database, schedule.id, today),
  ]);
  return { schedule, schedules, timeZone: schedule.timeZone, today, weeklyHours, upcomingOverrides };
}
