import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { hashToken } from '@/lib/secrets/token-hash';
import type { Interval } from '@/lib/scheduling';

/** Longer than any token this app issues (43 characters): not worth a query. */
const MAX_TOKEN_LENGTH = 200;

/**
 * The time of the confirmed, not yet started booking of this meeting type whose reschedule link
 * carries `token`, or null for any other token. The stored SHA-256 is compared in the query (a hash
 * of a secret, so an equality match leaks nothing); the meeting type's future bookings bound the scan.
 */
export async function findMovingBooking(database: Queryable, meetingTypeId: string, token: string, now: number): Promise<Interval | null> {
  if (token === '' || token.length > MAX_TOKEN_LENGTH) return null;
  const [row] = await database
    .select({ start: bookings.startTime, end: bookings.endTime })
    .from(bookings)
    .where(
      and(
        eq(bookings.meetingTypeId, meetingTypeId),
        gt(bookings.startTime, new Date(now)),
        eq(bookings.rescheduleTokenHash, hashToken(token)),
        eq(bookings.status, 'confirmed'),
      ),
    )
    .limit(1);
  return row ? { start: row.start.getTime(), end: row.end.getTime() } : null;
}

/** The same booking found by id and owner, for the host moving it on the invitee's behalf. */
export async function findHostMovingBooking(
  database: Queryable,
  meetingTypeId: string,
  owner: { hostUserId: string; bookingId: string },
  now: number,
): Promise<Interval | null> {
  if (!isUuid(owner.bookingId)) return null;
  const [row] = await database
    .select({ start: bookings.startTime, end: bookings.endTime })
    .from(bookings)
    .where(
      and(
        eq(bookings.id, owner.bookingId),
        eq(bookings.hostUserId, owner.hostUserId),
        eq(bookings.meetingTypeId, meetingTypeId),
        gt(bookings.startTime, new Date(now)),
        eq(bookings.status, 'confirmed'),
      ),
    );
  return row ? { start: row.start.getTime(), end: row.end.getTime() } : null;
}
