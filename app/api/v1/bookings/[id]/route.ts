import { db } from '@/lib/database';
import { findBookingByLink, presentBooking } from '@/lib/booking';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, route } from '@/lib/http';

// The booking, for the invitee holding one of its links; the reply carries only that link.
export const GET = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const token = new URL(request.url).searchParams.get('token');
  const { booking, purpose } = await findBookingByLink(db(), id, token);
  return json({ booking: presentBooking(booking, [purpose]) });
});
