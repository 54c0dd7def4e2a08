import { db } from '@/lib/database';
import { idempotencyKeyField } from '@/lib/api-fields';
import { createBooking, createBookingSchema, presentBooking } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { negotiateLocale } from '@/lib/i18n/negotiate-locale';
import { json, parseJsonBody, parseOptionalHeader, route } from '@/lib/http';

// Book a slot. 201 when created; 200 with the same booking when the Idempotency-Key was seen before.
// The invitee's emails use the body's `locale` (the booking page sends its own), else Accept-Language.
export const POST = route(async (request) => {
  await enforceRateLimit(request, 'bookings');
  const idempotencyKey = parseOptionalHeader(request, 'idempotency-key', idempotencyKeyField);
  const body = await parseJsonBody(request, createBookingSchema);
  const input = { ...body, locale: body.locale ?? negotiateLocale({ acceptLanguage: request.headers.get('accept-language') }) };
  const { booking, created, hosts } = await createBooking({ database: db(), store: cacheStore() }, input, { idempotencyKey, now: Date.now() });
  return json({ booking: presentBooking(booking, undefined, hosts) }, created ? 201 : 200);
});
