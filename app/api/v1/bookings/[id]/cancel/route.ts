import { db } from '@/db/client';
import { cancelBooking, cancelBookingSchema, presentBooking } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, route } from '@/lib/http';

export const POST = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const input = await parseJsonBody(request, cancelBookingSchema);
  const booking = await cancelBooking(db(), cacheStore(), { bookingId: id, ...input, now: Date.now() });
  return json({ booking: presentBooking(booking) });
});
