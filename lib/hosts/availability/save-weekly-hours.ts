import { eq } from 'drizzle-orm';
import { availabilityRules } from '@/db/schema';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findHostSchedule } from '@/lib/hosts/schedules/rows';
import type { WeeklyHoursInput } from './schemas';
import { sortWindows } from './wall-windows';

// The weekly hours are saved as a whole: the editor shows every day, so what it sends is the week.

/** Replaces the schedule's weekly rules with `input`; the public page sees them on its next request. */
export async function saveWeeklyHours(ctx: HostContext, input: WeeklyHoursInput): Promise<WeeklyHoursInput> {
  const hostUserId = ctx.actor.userId;
  const days = [...input.days].sort((a, b) => a.dayOfWeek - b.dayOfWeek).map((day) => ({ dayOfWeek: day.dayOfWeek, windows: sortWindows(day.windows) }));
  await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    const schedule = await findHostSchedule(tx, hostUserId, input.scheduleId);
    await tx.delete(availabilityRules).where(eq(availabilityRules.scheduleId, schedule.id));
    const rows = days.flatMap((day) => day.windows.map((window) => ({ userId: hostUserId, scheduleId: schedule.id, dayOfWeek: day.dayOfWeek, ...window })));
    if (rows.length > 0) await tx.insert(availabilityRules).values(rows);
  });
  return { days };
}
