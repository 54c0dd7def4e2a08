import { eq } from 'drizzle-orm';
import { type BookingChanger, bookings } from '@/db/schema';
import { type HostWrite, type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { AppError } from '@/lib/errors';
import { assertNotStarted, assertWithinChangeWindow } from './change-rules';
import { alreadyDecided } from './decide-request';
import { actorFor, type BookingAccess, findBookingFor } from './find-booking';
import { type BookingRow, bookingEventPayload } from './insert-booking';

/**
 * Cancels a booking, for the invitee (cancel link) or the host who owns it: one service, two
 * permission checks. Cancelling again is a no-op that answers the same.
 */
export async function cancelBooking(
  deps: HostWriteDeps,
  input: { bookingId: string; access: BookingAccess; reason?: string | undefined; now: number },
): Promise<BookingRow> {
  const found = await findBookingFor(deps.database, input.bookingId, input.access, 'cancel');
  if (found.status === 'cancelled') return found;
  const actor = actorFor(input.access);
  return runHostWrite(deps, { hostUserId: found.hostUserId, actor }, async (write) => {
    const booking = await findBookingFor(write.tx, input.bookingId, input.access, 'cancel', { forUpdate: true });
    if (booking.status === 'cancelled') return booking;
    if (booking.status === 'rescheduled') {
      throw new AppError('booking_not_active', 'This booking was rescheduled; manage the new booking instead.');
    }
    if (booking.status !== 'confirmed' && booking.status !== 'pending') throw alreadyDecided(booking.status);
    assertNotStarted(booking, input.now, 'cancelled');
    // A request not yet approved may be withdrawn until the meeting would start, whatever the cut-off.
    if (booking.status === 'confirmed') await assertWithinChangeWindow(write.tx, booking, input.access, input.now, 'cancelled');
    return cancelLockedBooking(write, booking, { reason: input.reason ?? null, by: input.access.kind, now: input.now });
  });
}

/** Marks a locked, confirmed (or pending) booking cancelled (a pending request for a new time ends with it) and says so in the outbox. */
export async function cancelLockedBooking(
  { tx, emit }: HostWrite,
  booking: BookingRow,
  change: { reason: string | null; by: BookingChanger; now: number },
): Promise<BookingRow> {
  const [cancelled] = await tx
    .update(bookings)
    .set({
      status: 'cancelled',
      cancelledAt: new Date(change.now),
      cancelledBy: change.by,
      cancellationReason: change.reason,
      newTimeRequestedAt: null,
      newTimeRequestMessage: null,
      version: booking.version + 1,
    })
    .where(eq(bookings.id, booking.id))
    .returning();
  if (!cancelled) throw new Error('cancel update returned no row');
  await emit('booking/cancelled', { ...bookingEventPayload(cancelled), reason: change.reason, cancelledBy: change.by });
  return cancelled;
}
