import { notFound } from '@/lib/errors';
import type { HostContext } from '../host-write';
import { findHostBooking, type HostBookingDetail } from './detail';

/**
 * One booking as the host API answers it: the dashboard's detail without what only the page needs
 * (the host's clock, the picker's range). Times in UTC with both zones beside them.
 */
export function presentHostBooking(detail: HostBookingDetail) {
  return {
    id: detail.id,
    status: detail.status,
    meetingTypeId: detail.meetingTypeId,
    meetingTypeName: detail.meetingTypeName,
    start: detail.start.toISOString(),
    end: detail.end.toISOString(),
    hostTimeZone: detail.hostTimeZone,
    inviteeName: detail.inviteeName,
    inviteeEmail: detail.inviteeEmail,
    inviteeTimeZone: detail.inviteeTimeZone,
    notes: detail.notes,
    tracking: detail.tracking,
    cancellationReason: detail.cancellationReason,
    cancelledAt: detail.cancelledAt?.toISOString() ?? null,
    cancelledBy: detail.cancelledBy,
    noShowAt: detail.noShowAt?.toISOString() ?? null,
    newTimeRequestedAt: detail.newTimeRequestedAt?.toISOString() ?? null,
    newTimeRequestMessage: detail.newTimeRequestMessage,
    rescheduledFromId: detail.rescheduledFromId,
    rescheduledToId: detail.rescheduledToId,
    answers: detail.answers ?? [],
    seatsPerSlot: detail.seatKey ? detail.seatsPerSlot : null,
  };
}

/** The booking after a host action, read back as the API shows it. */
export async function hostBookingReply(ctx: HostContext, bookingId: string): Promise<ReturnType<typeof presentHostBooking>> {
  const booking = await findHostBooking(ctx.database, ctx.actor.userId, bookingId);
  if (!booking) throw notFound('Booking');
  return presentHostBooking(booking);
}
