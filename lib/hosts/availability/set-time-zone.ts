import { eq } from 'drizzle-orm';
import { schedules, users } from '@/db/schema';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findHostSchedule } from '@/lib/hosts/schedules/rows';
import type { TimeZoneInput } from './schemas';

// The zone a schedule's weekly hours and overrides are read in: changing it moves every slot, hence the
// seam. Without a schedule it is the host's own zone (settings, emails) and, as before schedules, the
// default schedule's too; with one, only that schedule's.

export async function setTimeZone(ctx: HostContext, input: TimeZoneInput): Promise<TimeZoneInput> {
  const hostUserId = ctx.actor.userId;
  await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    const schedule = await findHostSchedule(tx, hostUserId, input.scheduleId);
    await tx.update(schedules).set({ timeZone: input.timeZone }).where(eq(schedules.id, schedule.id));
    if (input.scheduleId === undefined) await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, hostUserId));
  });
  return { timeZone: input.timeZone };
}
