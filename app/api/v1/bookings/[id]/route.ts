import { db } from '@/db/client';
import { findBookingByToken, presentBooking } from '@/lib/booking';
import { enforceRateLimit } from '@/lib/cache/rate-limit';
import { json, route } from '@/lib/http';

// The booking, for the invitee holding one of its links (cancel or reschedule token).
export const GET = route<{ id: string }>(async (request, { id }) => {
  await enforceRateLimit(request, 'bookings');
  const token = new URL(request.url).searchParams.get('token');
  const booking = await findBookingByToken(db(), id, token, ['cancel', 'reschedule']);
  return json({ booking: presentBooking(booking) });
});
