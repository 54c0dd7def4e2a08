import { count, eq } from 'drizzle-orm';
import { schedules } from '@/db/schema';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findHostSchedule, MAX_SCHEDULES_PER_HOST, scheduleColumns, type ScheduleSummary } from './rows';
import { withNameClashAsFieldError, tooManySchedules } from './schedule-write';
import type { CreateScheduleInput } from './schemas';

/** A new, empty schedule (no hours: nothing is offered until the host adds some), never the default. */
export async function createSchedule(ctx: HostContext, input: CreateScheduleInput): Promise<ScheduleSummary> {
  const hostUserId = ctx.actor.userId;
  return withNameClashAsFieldError(() =>
    runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
      const [row] = await tx.select({ schedules: count() }).from(schedules).where(eq(schedules.userId, hostUserId));
      if ((row?.schedules ?? 0) >= MAX_SCHEDULES_PER_HOST) throw tooManySchedules(MAX_SCHEDULES_PER_HOST);
      const timeZone = input.timeZone ?? (await findHostSchedule(tx, hostUserId)).timeZone;
      const [created] = await tx.insert(schedules).values({ userId: hostUserId, name: input.name, timeZone, isDefault: false }).returning(scheduleColumns);
      if (!created) throw new Error('schedule insert returned no row');
      return created;
    }),
  );
}
