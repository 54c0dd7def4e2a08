import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '@/db/client';
import { bookings } from '@/db/schema';
import type { CacheStore } from '@/lib/cache';
import { AppError } from '@/lib/errors';
import { assertBookableSlot } from './bookable-slot';
import { bookingEventPayload, insertConfirmedBooking } from './create-booking';
import { findBookingByToken } from './find-booking';
import { runHostWrite } from './host-write';
import { writeOutboxEvent } from './outbox';

type BookingRow = typeof bookings.$inferSelect;

/**
 * A retried reschedule (its first reply lost) finds the booking already moved: when it asks for the
 * time the booking was moved to, it gets that booking back instead of an error.
 */
async function earlierReschedule(database: Queryable, previous: BookingRow, start: number): Promise<BookingRow | null> {
  if (previous.status !== 'rescheduled') return null;
  const [successor] = await database
    .select()
    .from(bookings)
    .where(and(eq(bookings.rescheduledFromId, previous.id), eq(bookings.status, 'confirmed')));
  return successor && successor.startTime.getTime() === start ? successor : null;
}

/**
 * Moves a booking to a new start in one transaction: the old one becomes `rescheduled` (freeing its
 * time, also for the new slot's own check), the new one is validated like any booking and inserted.
 * If the new time is not bookable the whole change rolls back and the old booking stands.
 */
export async function rescheduleBooking(
  database: Database,
  store: CacheStore,
  input: { bookingId: string; token: string; start: number; now: number },
): Promise<{ booking: BookingRow; created: boolean }> {
  const found = await findBookingByToken(database, input.bookingId, input.token, ['reschedule']);
  const replay = await earlierReschedule(database, found, input.start);
  if (replay) return { booking: replay, created: false };
  return runHostWrite(database, store, found.hostUserId, async (tx) => {
    const previous = await findBookingByToken(tx, input.bookingId, input.token, ['reschedule'], { forUpdate: true });
    const raced = await earlierReschedule(tx, previous, input.start);
    if (raced) return { booking: raced, created: false };
    if (previous.status !== 'confirmed') {
      throw new AppError('booking_not_active', `This booking is ${previous.status} and can no longer be rescheduled.`);
    }
    await tx
      .update(bookings)
      .set({ status: 'rescheduled', version: previous.version + 1 })
      .where(eq(bookings.id, previous.id));
    const { schedule, slot } = await assertBookableSlot(tx, previous.meetingTypeId, input.start, input.now);
    const next = await insertConfirmedBooking(tx, {
      meetingTypeId: previous.meetingTypeId,
      hostUserId: previous.hostUserId,
      slot,
      bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
      bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
      name: previous.inviteeName,
      email: previous.inviteeEmail,
      timezone: previous.inviteeTimezone,
      notes: previous.notes,
      rescheduledFromId: previous.id,
    });
    await writeOutboxEvent(tx, 'booking/rescheduled', { ...bookingEventPayload(next), previousBookingId: previous.id });
    return { booking: next, created: true };
  });
}
