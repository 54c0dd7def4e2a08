import { eq } from 'drizzle-orm';
import type { Queryable, Transaction } from '@/db/client';
import { bookings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { assertNotStarted, assertWithinChangeWindow } from './change-rules';
import { type BookingAccess, findBookingFor } from './find-booking';
import { type IdempotentRequest, releaseExpiredKey, replayIdempotent } from './idempotency';
import type { BookingRow } from './insert-booking';

// The steps every move shares, a personal booking's or a team's: what a retry finds, what the old
// booking must be to move, and what the new one keeps of it.

/**
 * A retried reschedule (its first reply lost) finds the booking already moved. Only a retry with the
 * same Idempotency-Key gets the new booking back: the old link alone must not reveal the new
 * booking's links to whoever guesses the time it moved to.
 */
export async function earlierReschedule(database: Queryable, previous: BookingRow, idempotent: IdempotentRequest | null): Promise<BookingRow | null> {
  if (!idempotent) return null;
  // The key used for another request (a booking, another move) is refused here with 422.
  const replay = await replayIdempotent(database, idempotent);
  return replay && replay.rescheduledFromId === previous.id ? replay : null;
}

/**
 * Under the lock: the booking to move, checked and marked `rescheduled` (freeing its time, also for
 * the new slot's own check), or the booking a same-key request already moved it to.
 */
export async function takeForMove(
  tx: Transaction,
  input: { bookingId: string; access: BookingAccess; now: number },
  idempotent: IdempotentRequest | null,
): Promise<{ raced: BookingRow } | { previous: BookingRow }> {
  const previous = await findBookingFor(tx, input.bookingId, input.access, 'reschedule', { forUpdate: true });
  const raced = await earlierReschedule(tx, previous, idempotent);
  if (raced) return { raced };
  if (previous.status !== 'confirmed') {
    throw new AppError('booking_not_active', `This booking is ${previous.status} and can no longer be rescheduled.`);
  }
  assertNotStarted(previous, input.now, 'rescheduled');
  await assertWithinChangeWindow(tx, previous, input.access, input.now, 'rescheduled');
  if (idempotent) await releaseExpiredKey(tx, idempotent);
  // A pending request for a new time is answered by the move.
  await tx
    .update(bookings)
    .set({ status: 'rescheduled', newTimeRequestedAt: null, newTimeRequestMessage: null, version: previous.version + 1 })
    .where(eq(bookings.id, previous.id));
  return { previous };
}

/** What a moved booking keeps of its predecessor: the invitee, their notes and answers as given, their language. */
export function movedBookingValues(previous: BookingRow, idempotent: IdempotentRequest | null) {
  return {
    meetingTypeId: previous.meetingTypeId,
    name: previous.inviteeName,
    email: previous.inviteeEmail,
    timezone: previous.inviteeTimezone,
    notes: previous.notes,
    tracking: previous.tracking,
    answers: previous.answers,
    locale: previous.locale,
    rescheduledFromId: previous.id,
    idempotencyKey: idempotent?.key,
    idempotencyRequestHash: idempotent?.digest,
  };
}
