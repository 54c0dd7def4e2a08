import { db } from '@/lib/database';
import { cancelBooking, cancelBookingSchema, presentBooking } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, route } from '@/lib/http';

export const POST = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const { token, reason } = await parseJsonBody(request, cancelBookingSchema);
  const access = { kind: 'invitee', token } as const;
  const booking = await cancelBooking({ database: db(), store: cacheStore() }, { bookingId: id, access, reason, now: Date.now() });
  return json({ booking: presentBooking(booking, ['cancel']) });
});
