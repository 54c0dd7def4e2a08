import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';

// A group event's occasion as its host sees it: every confirmed seat at one start. Only the host's
// dashboard reads this; no invitee surface lists other seats.

export interface OccasionAttendee {
  id: string;
  inviteeName: string;
  inviteeEmail: string;
  noShow: boolean;
}

/** The confirmed seats sharing `seatKey`, in booking order; the host's own bookings only. */
export async function listOccasionAttendees(database: Queryable, hostUserId: string, seatKey: string): Promise<OccasionAttendee[]> {
  const rows = await database
    .select({ id: bookings.id, inviteeName: bookings.inviteeName, inviteeEmail: bookings.inviteeEmail, noShowAt: bookings.noShowAt })
    .from(bookings)
    .where(and(eq(bookings.seatKey, seatKey), eq(bookings.hostUserId, hostUserId), eq(bookings.status, 'confirmed')))
    .orderBy(asc(bookings.createdAt), asc(bookings.id));
  return rows.map(({ noShowAt, ...attendee }) => ({ ...attendee, noShow: noShowAt !== null }));
}
