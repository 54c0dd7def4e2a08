import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { type TokenPurpose, tokenMatches } from './tokens';

type BookingRow = typeof bookings.$inferSelect;

/**
 * The booking, if the token is one of its tokens for the given purposes. Unknown id, malformed id,
 * missing or wrong token all answer the same 404, so the API is no oracle for booking ids.
 */
export async function findBookingByToken(
  database: Queryable,
  bookingId: string,
  token: string | null | undefined,
  purposes: TokenPurpose[],
  options: { forUpdate?: boolean } = {},
): Promise<BookingRow> {
  if (!token || !isUuid(bookingId)) throw notFound('Booking');
  const query = database.select().from(bookings).where(eq(bookings.id, bookingId));
  const [booking] = options.forUpdate ? await query.for('update') : await query;
  if (!booking) throw notFound('Booking');
  const hashes = { cancel: booking.cancelTokenHash, reschedule: booking.rescheduleTokenHash };
  if (!purposes.some((purpose) => tokenMatches(token, hashes[purpose]))) throw notFound('Booking');
  return booking;
}
