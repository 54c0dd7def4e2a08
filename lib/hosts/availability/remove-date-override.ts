import { and, eq } from 'drizzle-orm';
import { availabilityOverrides } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findHostSchedule } from '@/lib/hosts/schedules/rows';
import type { RemoveDateOverrideInput } from './schemas';

// Removing an override gives the date back to the weekly hours. Past dates may be removed too (tidying up).

export async function removeDateOverride(ctx: HostContext, input: RemoveDateOverrideInput): Promise<{ date: string }> {
  const hostUserId = ctx.actor.userId;
  await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    const schedule = await findHostSchedule(tx, hostUserId, input.scheduleId);
    const removed = await tx
      .delete(availabilityOverrides)
      .where(and(eq(availabilityOverrides.scheduleId, schedule.id), eq(availabilityOverrides.date, input.date)))
      .returning({ id: availabilityOverrides.id });
    if (removed.length === 0) throw notFound('Date override');
  });
  return { date: input.date };
}
