import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { meetingTypes, schedules } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findHostSchedule } from './rows';
import type { ScheduleRef } from './schemas';

// Deleting a schedule takes its hours and overrides with it (ON DELETE CASCADE). It is refused, with the
// meeting types named, while a live meeting type uses it: silently moving them to the default would
// change what invitees are offered without the host choosing it. The default is never deleted.

const NAMES_IN_MESSAGE = 3;

export async function deleteSchedule(ctx: HostContext, input: ScheduleRef): Promise<{ scheduleId: string }> {
  const hostUserId = ctx.actor.userId;
  return runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    const schedule = await findHostSchedule(tx, hostUserId, input.scheduleId);
    if (schedule.isDefault) throw new AppError('conflict', 'The default schedule cannot be deleted. Make another schedule the default first.');
    const users = await tx
      .select({ name: meetingTypes.name })
      .from(meetingTypes)
      .where(and(eq(meetingTypes.scheduleId, schedule.id), isNull(meetingTypes.deletedAt)))
      .orderBy(asc(meetingTypes.name));
    if (users.length > 0) {
      const named = users.slice(0, NAMES_IN_MESSAGE).map((row) => `“${row.name}”`).join(', ');
      const more = users.length > NAMES_IN_MESSAGE ? ` and ${users.length - NAMES_IN_MESSAGE} more` : '';
      throw new AppError('conflict', `${schedule.name} is used by ${named}${more}. Pick another schedule for ${users.length === 1 ? 'it' : 'them'} first.`);
    }
    // Deleted meeting types keep their rows (for their bookings); they fall back to the default.
    await tx.update(meetingTypes).set({ scheduleId: null }).where(and(eq(meetingTypes.scheduleId, schedule.id), isNotNull(meetingTypes.deletedAt)));
    await tx.delete(schedules).where(eq(schedules.id, schedule.id));
    return { scheduleId: schedule.id };
  });
}
