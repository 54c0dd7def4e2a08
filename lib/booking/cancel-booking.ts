import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { bookings } from '@/db/schema';
import type { CacheStore } from '@/lib/cache';
import { AppError } from '@/lib/errors';
import { bookingEventPayload } from './create-booking';
import { findBookingByToken } from './find-booking';
import { runHostWrite } from './host-write';
import { writeOutboxEvent } from './outbox';

type BookingRow = typeof bookings.$inferSelect;

/** Cancels with the invitee's cancel token. Cancelling again is a no-op that answers the same. */
export async function cancelBooking(
  database: Database,
  store: CacheStore,
  input: { bookingId: string; token: string; reason?: string | undefined; now: number },
): Promise<BookingRow> {
  const found = await findBookingByToken(database, input.bookingId, input.token, ['cancel']);
  if (found.status === 'cancelled') return found;
  return runHostWrite(database, store, found.hostUserId, async (tx) => {
    const booking = await findBookingByToken(tx, input.bookingId, input.token, ['cancel'], { forUpdate: true });
    if (booking.status === 'cancelled') return booking;
    if (booking.status !== 'confirmed') {
      throw new AppError('booking_not_active', 'This booking was rescheduled; manage the new booking instead.');
    }
    const [cancelled] = await tx
      .update(bookings)
      .set({
        status: 'cancelled',
        cancelledAt: new Date(input.now),
        cancellationReason: input.reason ?? null,
        version: booking.version + 1,
      })
      .where(eq(bookings.id, booking.id))
      .returning();
    if (!cancelled) throw new Error('cancel update returned no row');
    await writeOutboxEvent(tx, 'booking/cancelled', { ...bookingEventPayload(cancelled), reason: input.reason ?? null });
    return cancelled;
  });
}
