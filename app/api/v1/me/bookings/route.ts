import { apiRoute } from '@/lib/actions/api-route';
import { apiBookingListQuerySchema, listBookingsForApi } from '@/lib/hosts/bookings/api-list';
import { json, parseQuery } from '@/lib/http';

// The key's host's bookings: `status`, a start range (`from`, `to`), soonest first, `limit` per page
// and the opaque `cursor` of the previous page's `nextCursor`.
export const GET = apiRoute('read', async (request, _params, ctx) => {
  const query = parseQuery(request, apiBookingListQuerySchema);
  return json(await listBookingsForApi(ctx.database, ctx.actor.userId, query));
});
