import { eq } from 'drizzle-orm';
import { schedules } from '@/db/schema';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findHostSchedule, type ScheduleSummary } from './rows';
import { withNameClashAsFieldError } from './schedule-write';
import type { RenameScheduleInput } from './schemas';

export async function renameSchedule(ctx: HostContext, input: RenameScheduleInput): Promise<ScheduleSummary> {
  const hostUserId = ctx.actor.userId;
  return withNameClashAsFieldError(() =>
    runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
      const schedule = await findHostSchedule(tx, hostUserId, input.scheduleId);
      await tx.update(schedules).set({ name: input.name }).where(eq(schedules.id, schedule.id));
      return { ...schedule, name: input.name };
    }),
  );
}
