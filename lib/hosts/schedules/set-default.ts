import { and, eq } from 'drizzle-orm';
import { schedules } from '@/db/schema';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findHostSchedule, type ScheduleSummary } from './rows';
import type { ScheduleRef } from './schemas';

// Meeting types without a schedule of their own follow the default, so this moves their slots: hence
// the write seam (and its version bump). Two statements, because the one-default unique index is
// checked row by row: clear the old default first, then set the new one.

export async function setDefaultSchedule(ctx: HostContext, input: ScheduleRef): Promise<ScheduleSummary> {
  const hostUserId = ctx.actor.userId;
  return runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    const schedule = await findHostSchedule(tx, hostUserId, input.scheduleId);
    if (schedule.isDefault) return schedule;
    await tx.update(schedules).set({ isDefault: false }).where(and(eq(schedules.userId, hostUserId), eq(schedules.isDefault, true)));
    await tx.update(schedules).set({ isDefault: true }).where(eq(schedules.id, schedule.id));
    return { ...schedule, isDefault: true };
  });
}
