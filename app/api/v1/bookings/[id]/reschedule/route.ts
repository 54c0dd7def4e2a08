import { db } from '@/db/client';
import { presentBooking, rescheduleBooking, rescheduleBookingSchema } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, route } from '@/lib/http';

// 201 with the new booking; the old one is now `rescheduled` and its time is free.
// The same reschedule again (a retry) answers 200 with that same new booking.
export const POST = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const input = await parseJsonBody(request, rescheduleBookingSchema);
  const { booking, created } = await rescheduleBooking(db(), cacheStore(), { bookingId: id, ...input, now: Date.now() });
  return json({ booking: presentBooking(booking) }, created ? 201 : 200);
});
