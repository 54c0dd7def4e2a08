import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { loadWeeklyHours } from '@/lib/hosts/availability/load';
import { saveWeeklyHours } from '@/lib/hosts/availability/save-weekly-hours';
import { weeklyHoursSchema } from '@/lib/hosts/availability/schemas';
import { findHostSchedule } from '@/lib/hosts/schedules/rows';
import { json } from '@/lib/http';

// The default schedule's weekly hours, read and replaced as a whole week (a day left out has no hours), in its zone.
export const GET = apiRoute('read', async (_request, _params, ctx) => {
  const schedule = await findHostSchedule(ctx.database, ctx.actor.userId);
  return json({ days: await loadWeeklyHours(ctx.database, schedule.id) });
});

export const PUT = apiRoute('read-write', async (request, _params, ctx) => {
  const input = await parseApiBody(request, weeklyHoursSchema.strict());
  return json(await saveWeeklyHours(ctx, input));
});
