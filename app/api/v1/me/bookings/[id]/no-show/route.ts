import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { markNoShow } from '@/lib/booking';
import { hostBookingReply } from '@/lib/hosts/bookings/api-view';
import { noShowApiSchema } from '@/lib/hosts/bookings/schemas';
import { json } from '@/lib/http';

// The host marks that the invitee did not come (`noShow: true`) or takes it back, once the meeting started.
export const POST = apiRoute<{ id: string }>('read-write', async (request, { id }, ctx) => {
  const { noShow } = await parseApiBody(request, noShowApiSchema);
  await markNoShow(ctx, { bookingId: id, noShow });
  return json({ booking: await hostBookingReply(ctx, id) });
});
