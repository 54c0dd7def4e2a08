import { apiRoute } from '@/lib/actions/api-route';
import { findHostCalendar, listUpcomingOverrides } from '@/lib/hosts/availability/date-override-rows';
import { notFound } from '@/lib/errors';
import { json } from '@/lib/http';

// Today's and later date overrides in the host's zone, one entry per date.
export const GET = apiRoute('read', async (_request, _params, ctx) => {
  const calendar = await findHostCalendar(ctx.database, ctx.actor.userId, ctx.now);
  if (!calendar) throw notFound('Host');
  return json({ dateOverrides: await listUpcomingOverrides(ctx.database, ctx.actor.userId, calendar.today) });
});
