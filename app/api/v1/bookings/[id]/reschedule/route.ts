import { db } from '@/lib/database';
import { idempotencyKeyField } from '@/lib/api-fields';
import { presentBooking, rescheduleBooking, rescheduleBookingSchema } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, parseJsonBody, parseOptionalHeader, route } from '@/lib/http';

// 201 with the new booking; the old one is now `rescheduled` and its time is free. A retry with the
// same Idempotency-Key answers 200 with that same new booking. The reply carries only the new
// booking's reschedule link: the caller presented a reschedule link, not the cancel link.
export const POST = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const idempotencyKey = parseOptionalHeader(request, 'idempotency-key', idempotencyKeyField);
  const { token, start } = await parseJsonBody(request, rescheduleBookingSchema);
  const access = { kind: 'invitee', token } as const;
  const deps = { database: db(), store: cacheStore() };
  const { booking, created, hosts } = await rescheduleBooking(deps, { bookingId: id, access, start, now: Date.now(), idempotencyKey });
  return json({ booking: presentBooking(booking, ['reschedule'], hosts) }, created ? 201 : 200);
});
