import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { findHostSchedule } from '@/lib/hosts/schedules/rows';
import { timeZoneInputSchema } from '@/lib/hosts/availability/schemas';
import { setTimeZone } from '@/lib/hosts/availability/set-time-zone';
import { json } from '@/lib/http';

// The zone the default schedule's weekly hours and date overrides are read in (setting it without a
// schedule id sets the host's zone too, as the dashboard's settings page does).
export const GET = apiRoute('read', async (_request, _params, ctx) => {
  const schedule = await findHostSchedule(ctx.database, ctx.actor.userId);
  return json({ timeZone: schedule.timeZone });
});

export const PUT = apiRoute('read-write', async (request, _params, ctx) => json(await setTimeZone(ctx, await parseApiBody(request, timeZoneInputSchema.strict()))));
