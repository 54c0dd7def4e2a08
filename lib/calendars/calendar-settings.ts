import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { clearCalendarBusy } from './busy-store';
import { stopWatch } from './push/watch-lifecycle';
import { requestSync } from './request-sync';
import { log } from '@/lib/log';

// The host's choices per calendar: does it block time, and is it the one that receives new events.

export const calendarSettingsSchema = z.object({
  calendarId: z.uuid(),
  setting: z.enum(['blocks_time', 'receives_events']),
  value: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
export type CalendarSettingsInput = z.infer<typeof calendarSettingsSchema>;

export async function updateCalendarSettings(ctx: HostContext, input: CalendarSettingsInput): Promise<{ calendarId: string }> {
  const hostUserId = ctx.actor.userId;
  const [row] = await ctx.database
    .select({ calendar: connectedCalendars, provider: calendarConnections.provider })
    .from(connectedCalendars)
    .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
    .where(and(eq(connectedCalendars.id, input.calendarId), eq(connectedCalendars.userId, hostUserId)));
  if (!row) throw notFound('Calendar');
  const { calendar, provider } = row;
  const target = { hostUserId, connectionId: calendar.connectionId, calendarId: calendar.id };
  if (input.setting === 'receives_events') {
    await runHostWrite(ctx, { hostUserId, actor: ctx.actor }, async ({ tx }) => {
      if (input.value) await tx.update(connectedCalendars).set({ receivesEvents: false }).where(and(eq(connectedCalendars.userId, hostUserId), ne(connectedCalendars.id, calendar.id)));
      await tx.update(connectedCalendars).set({ receivesEvents: input.value }).where(eq(connectedCalendars.id, calendar.id));
    });
    return { calendarId: calendar.id };
  }
  await ctx.database.update(connectedCalendars).set({ blocksTime: input.value }).where(eq(connectedCalendars.id, calendar.id));
  if (input.value) {
    await requestSync({ connectionId: calendar.connectionId, provider });
  } else {
    await clearCalendarBusy(ctx, target);
    if (provider !== 'ics') await stopWatch(ctx, provider, calendar.connectionId, calendar).catch((error: unknown) => log().warn({ error: String(error) }, 'stopping a calendar channel failed'));
  }
  return { calendarId: calendar.id };
}
