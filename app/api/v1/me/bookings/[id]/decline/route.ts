import { apiRoute, parseApiBody } from '@/lib/actions/api-route';
import { declineRequest } from '@/lib/booking';
import { hostBookingReply } from '@/lib/hosts/bookings/api-view';
import { hostDeclineApiSchema } from '@/lib/hosts/bookings/schemas';
import { json } from '@/lib/http';

// The host declines a pending request, with an optional reason the invitee is told: the dashboard's
// verb; the slot is free again. A request already decided, withdrawn or expired is a 409.
export const POST = apiRoute<{ id: string }>('read-write', async (request, { id }, ctx) => {
  const { reason } = await parseApiBody(request, hostDeclineApiSchema);
  await declineRequest(ctx, { bookingId: id, reason });
  return json({ booking: await hostBookingReply(ctx, id) });
});
