import { eq } from 'drizzle-orm';
import { bookings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type HostContext, runHostWrite } from '@/lib/hosts/host-write';
import { findBookingFor } from './find-booking';
import { hostAccess } from './host-verbs';
import { type BookingRow, bookingEventPayload } from './insert-booking';

/**
 * The host marks that the invitee did not come (`noShow: true`) or takes it back. Only for a confirmed
 * meeting that has started: before that nobody can have missed it. Setting what is already set
 * answers the same and writes no event.
 */
export async function markNoShow(ctx: HostContext, input: { bookingId: string; noShow: boolean }): Promise<BookingRow> {
  const access = hostAccess(ctx);
  const found = await findBookingFor(ctx.database, input.bookingId, access, 'cancel');
  return runHostWrite(ctx, { hostUserId: found.hostUserId, actor: ctx.actor }, async ({ tx, emit }) => {
    const booking = await findBookingFor(tx, input.bookingId, access, 'cancel', { forUpdate: true });
    if (booking.status !== 'confirmed') throw new AppError('booking_not_active', `This booking is ${booking.status}; only a meeting that took place can be marked.`);
    if (booking.startTime.getTime() > ctx.now) {
      throw new AppError('change_not_allowed', 'This meeting has not started yet, so nobody can have missed it.', { details: { reason: 'booking_not_started' } });
    }
    if ((booking.noShowAt !== null) === input.noShow) return booking;
    const [marked] = await tx
      .update(bookings)
      .set({ noShowAt: input.noShow ? new Date(ctx.now) : null, version: booking.version + 1 })
      .where(eq(bookings.id, booking.id))
      .returning();
    if (!marked) throw new Error('no-show update returned no row');
    await emit('booking/no-show-marked', { ...bookingEventPayload(marked), noShow: input.noShow, markedBy: 'host' });
    return marked;
  });
}
