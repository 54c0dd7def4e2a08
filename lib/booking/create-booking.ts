import { randomUUID } from 'node:crypto';
import type { Queryable } from '@/db/client';
import { loadMeetingTypeHead } from '@/lib/availability/meeting-type-head';
import { constraintOf, notFound, sqlStateOf } from '@/lib/errors';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { assertBookableSlot } from './bookable-slot';
import { assertWithinBookingCaps } from './booking-caps';
import { type IdempotentRequest, releaseExpiredKey, replayIdempotent, requestDigest } from './idempotency';
import { type BookingRow, bookingEventPayload, insertConfirmedBooking } from './insert-booking';
import type { CreateBookingInput } from './schemas';

export interface BookingResult {
  booking: BookingRow;
  /** False when an earlier request with the same Idempotency-Key already made it. */
  created: boolean;
}

/** The host whose lock a booking takes; the same head availability reads (deleted counts as inactive). */
export async function hostOfActiveMeetingType(database: Queryable, meetingTypeId: string): Promise<string> {
  const head = await loadMeetingTypeHead(database, meetingTypeId);
  if (!head || !head.isActive) throw notFound('Meeting type');
  return head.hostUserId;
}

function idempotentRequest(input: CreateBookingInput, key: string | undefined, now: number): IdempotentRequest | null {
  if (!key) return null;
  // Tracking joins the digest only when present, so keys stored before it existed still match. The
  // language does not: a retry from the same page after switching language gets the same booking.
  const tracking = input.tracking ? [JSON.stringify(Object.entries(input.tracking).sort())] : [];
  const digest = requestDigest(['create', input.meetingTypeId, input.start, input.name, input.email.toLowerCase(), input.timezone, input.notes ?? '', ...tracking]);
  return { meetingTypeId: input.meetingTypeId, key, digest, now };
}

/** An invitee books a slot: validated again under the host lock with the same engine that offered it. */
export async function createBooking(
  deps: HostWriteDeps,
  input: CreateBookingInput,
  options: { idempotencyKey?: string | undefined; now: number },
): Promise<BookingResult> {
  const idempotent = idempotentRequest(input, options.idempotencyKey, options.now);
  if (idempotent) {
    const replay = await replayIdempotent(deps.database, idempotent);
    if (replay) return { booking: replay, created: false };
  }
  const hostUserId = await hostOfActiveMeetingType(deps.database, input.meetingTypeId);
  try {
    return await runHostWrite(deps, { hostUserId, actor: { kind: 'invitee' } }, async ({ tx, emit }): Promise<BookingResult> => {
      if (idempotent) {
        // Checked again under the host lock: a same-key request queued behind the first gets its booking.
        const replay = await replayIdempotent(tx, idempotent);
        if (replay) return { booking: replay, created: false };
        await releaseExpiredKey(tx, idempotent);
      }
      // Both read under the lock and are sent together; the slot's verdict still comes first.
      const [bookable, withinCaps] = await Promise.allSettled([
        assertBookableSlot(tx, input.meetingTypeId, input.start, options.now, undefined, hostUserId),
        assertWithinBookingCaps(tx, { hostUserId, meetingTypeId: input.meetingTypeId, email: input.email, now: options.now }),
      ]);
      if (bookable.status === 'rejected') throw bookable.reason;
      if (withinCaps.status === 'rejected') throw withinCaps.reason;
      const { schedule, slot } = bookable.value;
      // The booking and its event are sent together (one round trip): the id is chosen here, and a
      // refused insert aborts the transaction, so the outbox row never outlives it.
      const id = randomUUID();
      const [inserted] = await Promise.all([
        insertConfirmedBooking(tx, {
          id,
          meetingTypeId: input.meetingTypeId,
          hostUserId,
          slot,
          bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
          bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
          seated: schedule.policy.seatsPerSlot != null,
          name: input.name,
          email: input.email,
          timezone: input.timezone,
          notes: input.notes,
          tracking: input.tracking,
          locale: input.locale,
          idempotencyKey: idempotent?.key,
          idempotencyRequestHash: idempotent?.digest,
        }),
        emit('booking/confirmed', bookingEventPayload({ id, hostUserId, meetingTypeId: input.meetingTypeId, startTime: new Date(slot.start), endTime: new Date(slot.end) })),
      ]);
      return { booking: inserted, created: true };
    });
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its booking.
    if (idempotent && isIdempotencyKeyConflict(error)) {
      const replay = await replayIdempotent(deps.database, idempotent);
      if (replay) return { booking: replay, created: false };
    }
    throw error;
  }
}

export function isIdempotencyKeyConflict(error: unknown): boolean {
  return sqlStateOf(error) === '23505' && constraintOf(error) === 'idx_bookings_idempotency_key';
}

