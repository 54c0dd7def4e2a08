import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { availabilityRules } from '@/db/schema';
import { type DateOverrideView, findHostCalendar, listUpcomingOverrides } from './date-override-rows';
import { toHoursAndMinutes, type WallWindow } from './wall-windows';

// Everything the availability page shows, in three small queries.

export interface WeekDayHours {
  dayOfWeek: number;
  windows: WallWindow[];
}

export interface AvailabilitySettings {
  timeZone: string;
  /** The host's date now, in their zone: the earliest date an override may be added for. */
  today: string;
  /** Seven entries, Sunday (0) to Saturday (6); a day without windows is unavailable. */
  weeklyHours: WeekDayHours[];
  upcomingOverrides: DateOverrideView[];
}

export async function loadWeeklyHours(database: Queryable, hostUserId: string): Promise<WeekDayHours[]> {
  const rules = await database
    .select({ dayOfWeek: availabilityRules.dayOfWeek, startTime: availabilityRules.startTime, endTime: availabilityRules.endTime })
    .from(availabilityRules)
    .where(and(eq(availabilityRules.userId, hostUserId), eq(availabilityRules.isActive, true)))
    .orderBy(asc(availabilityRules.dayOfWeek), asc(availabilityRules.startTime));
  const week: WeekDayHours[] = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, windows: [] }));
  for (const rule of rules) {
    week[rule.dayOfWeek]?.windows.push({ startTime: toHoursAndMinutes(rule.startTime), endTime: toHoursAndMinutes(rule.endTime) });
  }
  return week;
}

export async function loadAvailabilitySettings(database: Queryable, hostUserId: string, now: number): Promise<AvailabilitySettings | null> {
  const calendar = await findHostCalendar(database, hostUserId, now);
  if (!calendar) return null;
  const { timeZone, today } = calendar;
  const [weeklyHours, upcomingOverrides] = await Promise.all([loadWeeklyHours(database, hostUserId), listUpcomingOverrides(database, hostUserId, today)]);
  return { timeZone, today, weeklyHours, upcomingOverrides };
}
