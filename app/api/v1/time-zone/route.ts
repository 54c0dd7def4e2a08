import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { findHostCalendar } from '@/lib/hosts/availability/date-override-rows';
import { timeZoneInputSchema } from '@/lib/hosts/availability/schemas';
import { setTimeZone } from '@/lib/hosts/availability/set-time-zone';
import { notFound } from '@/lib/errors';
import { json } from '@/lib/http';

// The zone the weekly hours and date overrides are read in.
export const GET = apiRoute('read', async (_request, _params, ctx) => {
  const calendar = await findHostCalendar(ctx.database, ctx.actor.userId, ctx.now);
  if (!calendar) throw notFound('Host');
  return json({ timeZone: calendar.timeZone });
});

export const PUT = apiRoute('read-write', async (request, _params, ctx) => json(await setTimeZone(ctx, await parseApiBody(request, timeZoneInputSchema.strict()))));
