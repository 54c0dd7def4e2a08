import { eq } from 'drizzle-orm';
import { bookings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { assertNotStarted } from './change-rules';
import { findBookingFor } from './find-booking';
import { hostAccess } from './host-verbs';
import { type BookingRow, bookingEventPayload } from './insert-booking';

/**
 * The host asks the invitee to pick a new time. The booking stays confirmed and holds its slot until
 * the invitee moves it with their reschedule link (which the request opens even past the cut-off) or
 * declines (a cancellation). Asking again while a request is pending answers the same.
 */
export async function requestNewTime(ctx: HostContext, input: { bookingId: string; message?: string | undefined }): Promise<BookingRow> {
  const access = hostAccess(ctx);
  const found = await findBookingFor(ctx.database, input.bookingId, access, 'reschedule');
  return runHostWrite(ctx, { hostUserId: found.hostUserId, actor: ctx.actor }, async ({ tx, emit }) => {
    const booking = await findBookingFor(tx, input.bookingId, access, 'reschedule', { forUpdate: true });
    if (booking.status !== 'confirmed') throw new AppError('booking_not_active', `This booking is ${booking.status}; there is no time left to change.`);
    if (booking.newTimeRequestedAt) return booking;
    assertNotStarted(booking, ctx.now, 'rescheduled');
    const message = input.message ?? null;
    const [requested] = await tx
      .update(bookings)
      .set({ newTimeRequestedAt: new Date(ctx.now), newTimeRequestMessage: message, version: booking.version + 1 })
      .where(eq(bookings.id, booking.id))
      .returning();
    if (!requested) throw new Error('request update returned no row');
    await emit('booking/new-time-requested', { ...bookingEventPayload(requested), message });
    return requested;
  });
}
