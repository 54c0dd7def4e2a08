import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { cancelBooking } from '@/lib/booking';
import { hostBookingReply } from '@/lib/hosts/bookings/api-view';
import { hostCancelApiSchema } from '@/lib/hosts/bookings/schemas';
import { json } from '@/lib/http';

// The host cancels, with an optional reason the invitee is told: the dashboard's cancel, same service.
export const POST = apiRoute<{ id: string }>('read-write', async (request, { id }, ctx) => {
  const { reason } = await parseApiBody(request, hostCancelApiSchema);
  await cancelBooking(ctx, { bookingId: id, access: ctx.actor, reason, now: ctx.now });
  return json({ booking: await hostBookingReply(ctx, id) });
});
