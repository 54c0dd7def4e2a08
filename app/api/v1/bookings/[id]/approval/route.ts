import { db } from '@/lib/database';
import { decideRequest, decideRequestSchema, presentBooking } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, route } from '@/lib/http';

// The host approves or declines a request from the emailed link (the link's token is the credential;
// the confirm page posts here). A request already decided, withdrawn or expired is a 409 saying which.
export const POST = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const { token, decision, reason } = await parseJsonBody(request, decideRequestSchema);
  const outcome = decision === 'approve' ? ({ outcome: 'approve' } as const) : ({ outcome: 'decline', reason: reason ?? null } as const);
  const booking = await decideRequest({ database: db(), store: cacheStore() }, { bookingId: id, access: { kind: 'link', token }, decision: outcome, now: Date.now() });
  return json({ booking: presentBooking(booking, []) });
});
