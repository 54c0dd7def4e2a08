import { apiRoute } from '@/lib/actions/api-route';
import { findScheduleCalendar, listUpcomingOverrides } from '@/lib/hosts/availability/date-override-rows';
import { json } from '@/lib/http';

// Today's and later date overrides of the host's default schedule, in its zone, one entry per date.
export const GET = apiRoute('read', async (_request, _params, ctx) => {
  const { schedule, today } = await findScheduleCalendar(ctx.database, ctx.actor.userId, undefined, ctx.now);
  return json({ dateOverrides: await listUpcomingOverrides(ctx.database, schedule.id, today) });
});
