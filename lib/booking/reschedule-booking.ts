import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { assertBookableSlot } from './bookable-slot';
import { isIdempotencyKeyConflict } from './create-booking';
import { assertNotStarted, assertWithinChangeWindow } from './change-rules';
import { countBookingOutcome } from './count-outcome';
import { actorFor, type BookingAccess, findBookingFor } from './find-booking';
import { type IdempotentRequest, releaseExpiredKey, replayIdempotent, requestDigest } from './idempotency';
import { type BookingRow, bookingEventPayload, insertConfirmedBooking } from './insert-booking';

/**
 * A retried reschedule (its first reply lost) finds the booking already moved. Only a retry with the
 * same Idempotency-Key gets the new booking back: the old link alone must not reveal the new
 * booking's links to whoever guesses the time it moved to.
 */
async function earlierReschedule(database: Queryable, previous: BookingRow, idempotent: IdempotentRequest | null): Promise<BookingRow | null> {
  if (!idempotent) return null;
  // The key used for another request (a booking, another move) is refused here with 422.
  const replay = await replayIdempotent(database, idempotent);
  return replay && replay.rescheduledFromId === previous.id ? replay : null;
}

function idempotentRequest(previous: BookingRow, start: number, key: string | undefined, now: number): IdempotentRequest | null {
  if (!key) return null;
  return { meetingTypeId: previous.meetingTypeId, key, digest: requestDigest(['reschedule', previous.id, start]), now };
}

/**
 * Moves a booking to a new start in one transaction: the old one becomes `rescheduled` (freeing its
 * time, also for the new slot's own check), the new one is validated like any booking and inserted.
 * If the new time is not bookable the whole change rolls back and the old booking stands.
 */
export function rescheduleBooking(deps: HostWriteDeps, input: Parameters<typeof moveBooking>[1]): Promise<{ booking: BookingRow; created: boolean }> {
  return countBookingOutcome('reschedule', () => moveBooking(deps, input));
}

async function moveBooking(
  deps: HostWriteDeps,
  input: {
    bookingId: string;
    access: BookingAccess;
    start: number;
    now: number;
    idempotencyKey?: string | undefined;
    /** The host's note to the invitee, carried to their email (host access only). */
    message?: string | undefined;
  },
): Promise<{ booking: BookingRow; created: boolean }> {
  const found = await findBookingFor(deps.database, input.bookingId, input.access, 'reschedule');
  const idempotent = idempotentRequest(found, input.start, input.idempotencyKey, input.now);
  const replay = await earlierReschedule(deps.database, found, idempotent);
  if (replay) return { booking: replay, created: false };
  try {
    return await runHostWrite(deps, { hostUserId: found.hostUserId, actor: actorFor(input.access) }, async ({ tx, emit, actor }) => {
      const previous = await findBookingFor(tx, input.bookingId, input.access, 'reschedule', { forUpdate: true });
      const raced = await earlierReschedule(tx, previous, idempotent);
      if (raced) return { booking: raced, created: false };
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
      const { schedule, slot } = await assertBookableSlot(tx, previous.meetingTypeId, input.start, input.now, {
        start: previous.startTime.getTime(),
        end: previous.endTime.getTime(),
      });
      const next = await insertConfirmedBooking(tx, {
        meetingTypeId: previous.meetingTypeId,
        hostUserId: previous.hostUserId,
        slot,
        bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
        bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
        seated: schedule.policy.seatsPerSlot != null,
        name: previous.inviteeName,
        email: previous.inviteeEmail,
        timezone: previous.inviteeTimezone,
        notes: previous.notes,
        tracking: previous.tracking,
        // The answers as given, labels as asked then: a move is no new question.
        answers: previous.answers,
        // The language the invitee booked in, whoever moves it.
        locale: previous.locale,
        rescheduledFromId: previous.id,
        idempotencyKey: idempotent?.key,
        idempotencyRequestHash: idempotent?.digest,
      });
      const message = input.access.kind === 'host' ? (input.message ?? null) : null;
      await emit('booking/rescheduled', { ...bookingEventPayload(next), previousBookingId: previous.id, rescheduledBy: actor.kind, message });
      return { booking: next, created: true };
    });
  } catch (error) {
    // The same key racing in from a concurrent retry: answer with the booking it made.
    if (idempotent && isIdempotencyKeyConflict(error)) {
      const raced = await earlierReschedule(deps.database, found, idempotent);
      if (raced) return { booking: raced, created: false };
    }
    throw error;
  }
}

