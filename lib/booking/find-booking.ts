import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { Actor } from '@/lib/hosts/actor';
import { isUuid } from '@/lib/ids';
import type { BookingRow } from './insert-booking';
import { tokenMatches } from '@/lib/secrets/token-hash';
import type { TokenPurpose } from './tokens';

/** How a caller reaches a booking: an invitee with one of its links, or the signed-in host who owns it. */
export type BookingAccess = { kind: 'invitee'; token: string | null | undefined } | { kind: 'host'; userId: string };

/** The actor the host write seam sees for an access. */
export function actorFor(access: BookingAccess): Actor {
  return access.kind === 'host' ? { kind: 'host', userId: access.userId } : { kind: 'invitee' };
}

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
  if (!token) throw notFound('Booking');
  const booking = await selectBooking(database, bookingId, options);
  const hashes = { cancel: booking.cancelTokenHash, reschedule: booking.rescheduleTokenHash };
  if (!purposes.some((purpose) => tokenMatches(token, hashes[purpose]))) throw notFound('Booking');
  return booking;
}

/** The booking behind either of its links, and which link it was (it decides what the caller may see). */
export async function findBookingByLink(
  database: Queryable,
  bookingId: string,
  token: string | null | undefined,
): Promise<{ booking: BookingRow; purpose: TokenPurpose }> {
  if (!token) throw notFound('Booking');
  const booking = await selectBooking(database, bookingId, {});
  if (tokenMatches(token, booking.cancelTokenHash)) return { booking, purpose: 'cancel' };
  if (tokenMatches(token, booking.rescheduleTokenHash)) return { booking, purpose: 'reschedule' };
  throw notFound('Booking');
}

/** The booking as `access` may reach it for `purpose`; another host's booking is the same 404. */
export async function findBookingFor(
  database: Queryable,
  bookingId: string,
  access: BookingAccess,
  purpose: TokenPurpose,
  options: { forUpdate?: boolean } = {},
): Promise<BookingRow> {
  if (access.kind === 'invitee') return findBookingByToken(database, bookingId, access.token, [purpose], options);
  const booking = await selectBooking(database, bookingId, options);
  if (booking.hostUserId !== access.userId) throw notFound('Booking');
  return booking;
}

async function selectBooking(database: Queryable, bookingId: string, options: { forUpdate?: boolean }): Promise<BookingRow> {
  if (!isUuid(bookingId)) throw notFound('Booking');
  const query = database.select().from(bookings).where(eq(bookings.id, bookingId));
  const [booking] = options.forUpdate ? await query.for('update') : await query;
  if (!booking) throw notFound('Booking');
  return booking;
}
