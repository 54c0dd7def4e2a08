import { eq } from 'drizzle-orm';
import { bookings } from '@/db/schema';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { AppError } from '@/lib/errors';
import { assertNotStarted, assertWithinChangeWindow } from './change-rules';
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
  return runHostWrite(deps, { hostUserId: found.hostUserId, actor }, async ({ tx, emit }) => {
    const booking = await findBookingFor(tx, input.bookingId, input.access, 'cancel', { forUpdate: true });
    if (booking.status === 'cancelled') return booking;
    if (booking.status !== 'confirmed') {
      throw new AppError('booking_not_active', 'This booking was rescheduled; manage the new booking instead.');
    }
    assertNotStarted(booking, input.now, 'cancelled');
    await assertWithinChangeWindow(tx, booking, input.access, input.now, 'cancelled');
    const [cancelled] = await tx
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: new Date(input.now), cancellationReason: input.reason ?? null, version: booking.version + 1 })
      .where(eq(bookings.id, booking.id))
      .returning();
    if (!cancelled) throw new Error('cancel update returned no row');
    await emit('booking/cancelled', { ...bookingEventPayload(cancelled), reason: input.reason ?? null, cancelledBy: actor.kind });
    return cancelled;
  });
}
