import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { availabilityOverrides } from '@/db/schema';
import { addDays, dayOfWeekOf, localDateOf } from '@/lib/scheduling';
import { fetchAvailability } from './api';

// Shared by the availability action tests: dates a little ahead of today, and what the public
// availability endpoint offers on one of them, as host-local wall times.

/** The first date on `dayOfWeek` at least `daysAhead` days after today in `timeZone`. */
export function upcoming(dayOfWeek: number, timeZone = 'America/New_York', daysAhead = 7): string {
  let date = addDays(localDateOf(Date.now(), timeZone), daysAhead);
  while (dayOfWeekOf(date) !== dayOfWeek) date = addDays(date, 1);
  return date;
}

export function todayIn(timeZone: string): string {
  return localDateOf(Date.now(), timeZone);
}

/** Slot starts the public API offers on a host-local date, as "HH:MM" on the host's wall clock. */
export async function offeredTimes(meetingTypeId: string, date: string, timeZone = 'America/New_York'): Promise<string[]> {
  const { status, body } = await fetchAvailability({ meetingTypeId, start: date, end: date, timezone: timeZone });
  if (status !== 200) throw new Error(`availability answered ${status}: ${JSON.stringify(body)}`);
  const formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return body.slots.map((slot) => formatter.format(new Date(slot.start)));
}

/** A host's override rows (of one date, if given) as "YYYY-MM-DD HH:MM:SS-HH:MM:SS", or "… off-off" for a day off; sorted. */
export async function overridesOf(database: Queryable, hostUserId: string, date?: string): Promise<string[]> {
  const rows = await database
    .select()
    .from(availabilityOverrides)
    .where(date ? and(eq(availabilityOverrides.userId, hostUserId), eq(availabilityOverrides.date, date)) : eq(availabilityOverrides.userId, hostUserId));
  return rows.map((r) => `${r.date} ${r.startTime ?? 'off'}-${r.endTime ?? 'off'}`).sort();
}
