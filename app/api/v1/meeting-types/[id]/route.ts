import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { notFound } from '@/lib/errors';
import { deleteMeetingType } from '@/lib/hosts/meeting-types/delete';
import { findMeetingTypeForHost } from '@/lib/hosts/meeting-types/list';
import { meetingTypeApiSchema } from '@/lib/hosts/meeting-types/schemas';
import { updateMeetingType } from '@/lib/hosts/meeting-types/update';
import { json } from '@/lib/http';

// One meeting type: read, replace every field (as the dashboard's edit form does), delete (softly:
// its bookings stay). Another host's id is a 404, like an unknown one.
type Params = { id: string };

export const GET = apiRoute<Params>('read', async (_request, { id }, ctx) => {
  const meetingType = await findMeetingTypeForHost(ctx.database, ctx.actor.userId, id);
  if (!meetingType) throw notFound('Meeting type');
  return json({ meetingType });
});

export const PUT = apiRoute<Params>('read-write', async (request, { id }, ctx) => {
  const fields = await parseApiBody(request, meetingTypeApiSchema);
  return json({ meetingType: await updateMeetingType(ctx, { id, fields }) });
});

export const DELETE = apiRoute<Params>('read-write', async (_request, { id }, ctx) => json(await deleteMeetingType(ctx, { id })));
