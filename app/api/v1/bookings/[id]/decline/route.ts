import { db } from '@/lib/database';
import { declineNewTime, declineNewTimeSchema, presentBooking } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, route } from '@/lib/http';

// The invitee answers the host's request for a new time with "none suits me" (the reschedule link is
// the credential): the booking is cancelled with the reason and both are told. 409 when no request is pending.
export const POST = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const { token, reason } = await parseJsonBody(request, declineNewTimeSchema);
  const booking = await declineNewTime({ database: db(), store: cacheStore() }, { bookingId: id, token, reason, now: Date.now() });
  return json({ booking: presentBooking(booking, []) });
});
