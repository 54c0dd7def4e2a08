import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { idempotentCreate } from '@/lib/actions/api-idempotency';
import { createMeetingType } from '@/lib/hosts/meeting-types/create';
import { listMeetingTypes } from '@/lib/hosts/meeting-types/list';
import { meetingTypeApiSchema } from '@/lib/hosts/meeting-types/schemas';
import { json } from '@/lib/http';

// The key's host's meeting types: the dashboard's list, and its create verb (Idempotency-Key honoured).
export const GET = apiRoute('read', async (_request, _params, ctx) => json({ meetingTypes: await listMeetingTypes(ctx.database, ctx.actor.userId) }));

export const POST = apiRoute('read-write', async (request, _params, ctx) => {
  const input = await parseApiBody(request, meetingTypeApiSchema);
  return idempotentCreate(ctx, request, input, async () => ({ status: 201, body: { meetingType: await createMeetingType(ctx, input) } }));
});
