import { and, eq, inArray } from 'drizzle-orm';
import { availabilityOverrides } from '@/db/schema';
import { notFound, fieldError } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { countUpcomingOverrideDates, type DateOverrideView, findScheduleCalendar, hasOverrideOn } from './date-override-rows';
import { MAX_UPCOMING_OVERRIDE_DATES } from './limits';
import type { DateOverrideInput } from './schemas';
import { sortWindows } from './wall-windows';

// Adds a date override, or edits one (`originalDate`, which may move it to another date). The date's
// rows are replaced as a whole under the host lock, so two editors cannot leave a mix of both.

const onDate = (code: 'invalid_request' | 'conflict', message: string) => fieldError(code, 'date', message);

export async function saveDateOverride(ctx: HostContext, input: DateOverrideInput): Promise<DateOverrideView> {
  const hostUserId = ctx.actor.userId;
  const saved: DateOverrideView = { date: input.date, unavailable: input.unavailable, windows: input.unavailable ? [] : sortWindows(input.windows) };
  const originalDate = input.originalDate ?? null;
  await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
    const { schedule, today } = await findScheduleCalendar(tx, hostUserId, input.scheduleId, ctx.now);
    if (input.date < today) throw onDate('invalid_request', 'Pick today or a later date.');
    if (originalDate !== null && !(await hasOverrideOn(tx, schedule.id, originalDate))) throw notFound('Date override');
    if (input.date !== originalDate && (await hasOverrideOn(tx, schedule.id, input.date))) {
      throw onDate('conflict', 'That date already has an override; edit it in the list instead.');
    }
    const addsUpcomingDate = originalDate === null || originalDate < today;
    if (addsUpcomingDate && (await countUpcomingOverrideDates(tx, schedule.id, today)) >= MAX_UPCOMING_OVERRIDE_DATES) {
      throw onDate('conflict', `You can have at most ${MAX_UPCOMING_OVERRIDE_DATES} upcoming date overrides; remove some first.`);
    }
    const replaced = originalDate === null ? [input.date] : [input.date, originalDate];
    await tx.delete(availabilityOverrides).where(and(eq(availabilityOverrides.scheduleId, schedule.id), inArray(availabilityOverrides.date, replaced)));
    const rows = saved.unavailable ? [{ startTime: null, endTime: null }] : saved.windows;
    await tx.insert(availabilityOverrides).values(rows.map((window) => ({ userId: hostUserId, scheduleId: schedule.id, date: input.date, ...window })));
  });
  return saved;
}
