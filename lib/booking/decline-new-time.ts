import { AppError } from '@/lib/errors';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { cancelLockedBooking } from './cancel-booking';
import { assertNotStarted } from './change-rules';
import { findBookingByToken } from './find-booking';
import type { BookingRow } from './insert-booking';

/** What the host reads as the cancellation reason when the invitee declined to pick a new time. */
export function declinedReason(note: string | undefined): string {
  return note ? `Declined to pick a new time: ${note}` : 'Declined to pick a new time';
}

/**
 * The invitee answers the host's request for a new time with "none suits me", from the same
 * reschedule link the request email carries: the booking is cancelled by the invitee, with the reason,
 * and both are told. Only while a request is pending; declining again answers the same.
 */
export async function declineNewTime(deps: HostWriteDeps, input: { bookingId: string; token: string; reason?: string | undefined; now: number }): Promise<BookingRow> {
  const found = await findBookingByToken(deps.database, input.bookingId, input.token, ['reschedule']);
  return runHostWrite(deps, { hostUserId: found.hostUserId, actor: { kind: 'invitee' } }, async (write) => {
    const booking = await findBookingByToken(write.tx, input.bookingId, input.token, ['reschedule'], { forUpdate: true });
    if (booking.status === 'cancelled' && booking.cancelledBy === 'invitee') return booking;
    if (booking.status !== 'confirmed') throw new AppError('booking_not_active', `This booking is ${booking.status}.`);
    if (!booking.newTimeRequestedAt) {
      throw new AppError('change_not_allowed', 'The host has not asked for a new time for this booking.', { details: { reason: 'no_new_time_requested' } });
    }
    assertNotStarted(booking, input.now, 'cancelled');
    return cancelLockedBooking(write, booking, { reason: declinedReason(input.reason), by: 'invitee', now: input.now });
  });
}
