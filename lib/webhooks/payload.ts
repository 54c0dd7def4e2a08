import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypes } from '@/db/schema';
import { hostBookingUrl } from '@/lib/app-urls';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { hostMeetingTypeColumns } from '@/lib/hosts/meeting-types/rows';

// What a webhook's `data` carries: the host's own view, as the dashboard shows it. Times are UTC
// instants with both zones beside them; the only link is the host's dashboard page (behind their
// sign-in), never the invitee's token links.

export async function bookingWebhookData(database: Queryable, hostUserId: string, bookingId: string) {
  const booking = await findHostBooking(database, hostUserId, bookingId);
  if (!booking) return null;
  return {
    id: booking.id,
    status: booking.status,
    start: booking.start.toISOString(),
    end: booking.end.toISOString(),
    hostTimeZone: booking.hostTimeZone,
    invitee: { name: booking.inviteeName, email: booking.inviteeEmail, timeZone: booking.inviteeTimeZone, notes: booking.notes },
    meetingType: { id: booking.meetingTypeId, name: booking.meetingTypeName },
    tracking: booking.tracking ?? {},
    // The answers as asked (label kept), and for a group event which occasion the seat belongs to.
    answers: booking.answers ?? [],
    seat: booking.seatKey ? { occasion: booking.seatKey, seatsPerSlot: booking.seatsPerSlot } : null,
    cancellation: booking.cancelledAt ? { at: booking.cancelledAt.toISOString(), by: booking.cancelledBy, reason: booking.cancellationReason } : null,
    noShow: booking.noShowAt !== null,
    rescheduledFromId: booking.rescheduledFromId,
    rescheduledToId: booking.rescheduledToId,
    hostUrl: hostBookingUrl(booking.id),
  };
}

/** A meeting type as its host edits it; a deleted one too (the row stays, marked deleted). */
export async function meetingTypeWebhookData(database: Queryable, hostUserId: string, meetingTypeId: string) {
  const [row] = await database
    .select({ ...hostMeetingTypeColumns, userId: meetingTypes.userId, deletedAt: meetingTypes.deletedAt })
    .from(meetingTypes)
    .where(eq(meetingTypes.id, meetingTypeId));
  if (!row || row.userId !== hostUserId) return null;
  const { userId: _owner, deletedAt, ...fields } = row;
  return { ...fields, deleted: deletedAt !== null };
}
