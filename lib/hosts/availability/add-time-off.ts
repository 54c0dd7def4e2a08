import { and, eq, gte, inArray } from 'drizzle-orm';
import { availabilityOverrides } from '@/db/schema';
import { AppError, fieldError } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findScheduleCalendar } from './date-override-rows';
import { MAX_UPCOMING_OVERRIDE_DATES } from './limits';
import type { TimeOffInput } from './schemas';
import { timeOffDates } from './time-off-dates';

// Days off in one round trip: a holiday from–to, or a few separate dates. Each date becomes "off all
// day", replacing whatever override it had (the host said they are away), in one host write.

export interface TimeOffAdded {
  dates: string[];
  /** Of those, the dates whose own hours the time off replaced. */
  replaced: string[];
}

export async function addTimeOff(ctx: HostContext, input: TimeOffInput): Promise<TimeOffAdded> {
  const hostUserId = ctx.actor.userId;
  const dates = timeOffDates(input);
  const firstField = input.kind === 'range' ? 'from' : 'dates';
  return runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    const { schedule, today } = await findScheduleCalendar(tx, hostUserId, input.scheduleId, ctx.now);
    if (dates[0]! < today) throw fieldError('invalid_request', firstField, 'Pick today or a later date.');
    const upcoming = await tx
      .selectDistinct({ date: availabilityOverrides.date })
      .from(availabilityOverrides)
      .where(and(eq(availabilityOverrides.scheduleId, schedule.id), gte(availabilityOverrides.date, today)));
    const already = new Set(upcoming.map((row) => row.date));
    const total = new Set([...already, ...dates]).size;
    if (total > MAX_UPCOMING_OVERRIDE_DATES) {
      throw new AppError('conflict', `You can have at most ${MAX_UPCOMING_OVERRIDE_DATES} upcoming date overrides; this would make ${total}. Remove some first.`);
    }
    const replaced = await tx
      .delete(availabilityOverrides)
      .where(and(eq(availabilityOverrides.scheduleId, schedule.id), inArray(availabilityOverrides.date, dates)))
      .returning({ date: availabilityOverrides.date, startTime: availabilityOverrides.startTime });
    await tx.insert(availabilityOverrides).values(dates.map((date) => ({ userId: hostUserId, scheduleId: schedule.id, date, startTime: null, endTime: null })));
    const hadHours = new Set(replaced.filter((row) => row.startTime !== null).map((row) => row.date));
    return { dates, replaced: dates.filter((date) => hadHours.has(date)) };
  });
}
