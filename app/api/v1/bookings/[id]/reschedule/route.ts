import { db } from '@/db/client';
import { presentBooking, rescheduleBooking, rescheduleBookingSchema } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, route } from '@/lib/http';

// 201 with the new booking; the old one is now `rescheduled` and its time is free.
export const POST = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const input = await parseJsonBody(request, rescheduleBookingSchema);
  const booking = await rescheduleBooking(db(), cacheStore(), { bookingId: id, ...input, now: Date.now() });
  return json({ booking: presentBooking(booking) }, 201);
});
