import { apiRoute } from '@/lib/actions/api-route';
import { approveRequest } from '@/lib/booking';
import { hostBookingReply } from '@/lib/hosts/bookings/api-view';
import { json } from '@/lib/http';

// The host approves a pending request: the dashboard's verb (confirmed, with the usual emails). No body.
// A request already decided, withdrawn or expired is a 409 that says which.
export const POST = apiRoute<{ id: string }>('read-write', async (_request, { id }, ctx) => {
  await approveRequest(ctx, { bookingId: id });
  return json({ booking: await hostBookingReply(ctx, id) });
});
