import { db } from '@/db/client';
import { createBooking, createBookingSchema, idempotencyKeyField, presentBooking } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, parseWith, route } from '@/lib/http';

// Book a slot. 201 when created; 200 with the same booking when the Idempotency-Key was seen before.
export const POST = route(async (request) => {
  await enforceRateLimit(request, 'bookings');
  const key = request.headers.get('idempotency-key');
  const idempotencyKey = key === null ? undefined : parseWith(idempotencyKeyField, key, 'Idempotency-Key header');
  const input = await parseJsonBody(request, createBookingSchema);
  const { booking, created } = await createBooking(db(), cacheStore(), input, { idempotencyKey, now: Date.now() });
  return json({ booking: presentBooking(booking) }, created ? 201 : 200);
});
