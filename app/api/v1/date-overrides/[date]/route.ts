import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { calendarDateField } from '@/lib/api-fields';
import { hasOverrideOn } from '@/lib/hosts/availability/date-override-rows';
import { removeDateOverride } from '@/lib/hosts/availability/remove-date-override';
import { saveDateOverride } from '@/lib/hosts/availability/save-date-override';
import { dateOverrideApiSchema } from '@/lib/hosts/availability/schemas';
import { findHostSchedule } from '@/lib/hosts/schedules/rows';
import { json, parseWith } from '@/lib/http';

// One date's own hours (or the whole date off): PUT sets them, whether or not the date had some;
// DELETE gives the date back to the weekly hours.
type Params = { date: string };

export const PUT = apiRoute<Params>('read-write', async (request, params, ctx) => {
  const date = parseWith(calendarDateField, params.date, 'date');
  const body = await parseApiBody(request, dateOverrideApiSchema);
  // The default schedule's, as the verbs act on it when no schedule is named.
  const schedule = await findHostSchedule(ctx.database, ctx.actor.userId);
  const originalDate = (await hasOverrideOn(ctx.database, schedule.id, date)) ? date : null;
  return json(await saveDateOverride(ctx, { ...body, date, originalDate }));
});

export const DELETE = apiRoute<Params>('read-write', async (_request, params, ctx) => {
  const date = parseWith(calendarDateField, params.date, 'date');
  return json(await removeDateOverride(ctx, { date }));
});
