import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '@/db/client';
import { bookings, meetingTypes } from '@/db/schema';
import type { CacheStore } from '@/lib/cache';
import { AppError, constraintOf, notFound, sqlStateOf } from '@/lib/errors';
import { assertBookableSlot } from './bookable-slot';
import { runHostWrite } from './host-write';
import { writeOutboxEvent } from './outbox';
import type { CreateBookingInput } from './schemas';
import { bookingToken, hashToken } from './tokens';

type BookingRow = typeof bookings.$inferSelect;

export interface BookingResult {
  booking: BookingRow;
  /** False when an earlier request with the same Idempotency-Key already made it. */
  created: boolean;
}

/** The same key must mean the same request: a digest of what was asked for. */
function requestDigest(input: CreateBookingInput): string {
  const canonical = [input.meetingTypeId, input.start, input.name, input.email.toLowerCase(), input.timezone, input.notes ?? ''];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

async function replayIdempotent(database: Queryable, key: string, digest: string): Promise<BookingResult | null> {
  const [existing] = await database.select().from(bookings).where(eq(bookings.idempotencyKey, key));
  if (!existing) return null;
  if (existing.idempotencyRequestHash !== digest) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
  }
  return { booking: existing, created: false };
}

export async function hostOfActiveMeetingType(database: Database, meetingTypeId: string): Promise<string> {
  const [row] = await database
    .select({ hostUserId: meetingTypes.userId })
    .from(meetingTypes)
    .where(and(eq(meetingTypes.id, meetingTypeId), eq(meetingTypes.isActive, true)));
  if (!row) throw notFound('Meeting type');
  return row.hostUserId;
}

/** Inserts a confirmed booking for an already validated slot, with its outbox event. */
export async function insertConfirmedBooking(
  tx: Transaction,
  values: {
    meetingTypeId: string;
    hostUserId: string;
    slot: { start: number; end: number };
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    name: string;
    email: string;
    timezone: string;
    notes?: string | null;
    idempotencyKey?: string | null;
    idempotencyRequestHash?: string | null;
    rescheduledFromId?: string | null;
  },
): Promise<BookingRow> {
  const id = randomUUID();
  const [booking] = await tx
    .insert(bookings)
    .values({
      id,
      meetingTypeId: values.meetingTypeId,
      hostUserId: values.hostUserId,
      inviteeName: values.name,
      inviteeEmail: values.email,
      inviteeTimezone: values.timezone,
      startTime: new Date(values.slot.start),
      endTime: new Date(values.slot.end),
      notes: values.notes ?? null,
      bufferBeforeMinutes: values.bufferBeforeMinutes,
      bufferAfterMinutes: values.bufferAfterMinutes,
      cancelTokenHash: hashToken(bookingToken(id, 'cancel')),
      rescheduleTokenHash: hashToken(bookingToken(id, 'reschedule')),
      idempotencyKey: values.idempotencyKey ?? null,
      idempotencyRequestHash: values.idempotencyRequestHash ?? null,
      rescheduledFromId: values.rescheduledFromId ?? null,
    })
    .returning();
  if (!booking) throw new Error('booking insert returned no row');
  return booking;
}

export function bookingEventPayload(booking: BookingRow) {
  return {
    bookingId: booking.id,
    hostUserId: booking.hostUserId,
    meetingTypeId: booking.meetingTypeId,
    start: booking.startTime.toISOString(),
    end: booking.endTime.toISOString(),
  };
}

export async function createBooking(
  database: Database,
  store: CacheStore,
  input: CreateBookingInput,
  options: { idempotencyKey?: string; now: number },
): Promise<BookingResult> {
  const key = options.idempotencyKey;
  const digest = requestDigest(input);
  if (key) {
    const replay = await replayIdempotent(database, key, digest);
    if (replay) return replay;
  }
  const hostUserId = await hostOfActiveMeetingType(database, input.meetingTypeId);
  try {
    return await runHostWrite(database, store, hostUserId, async (tx): Promise<BookingResult> => {
      // Checked again under the host lock: a same-key request that was queued behind the first one
      // must get its booking back, not a "slot taken".
      if (key) {
        const replay = await replayIdempotent(tx, key, digest);
        if (replay) return replay;
      }
      const { schedule, slot } = await assertBookableSlot(tx, input.meetingTypeId, input.start, options.now);
      const inserted = await insertConfirmedBooking(tx, {
        meetingTypeId: input.meetingTypeId,
        hostUserId,
        slot,
        bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
        bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
        name: input.name,
        email: input.email,
        timezone: input.timezone,
        notes: input.notes,
        idempotencyKey: key,
        idempotencyRequestHash: key ? digest : null,
      });
      await writeOutboxEvent(tx, 'booking/confirmed', bookingEventPayload(inserted));
      return { booking: inserted, created: true };
    });
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its booking.
    if (key && sqlStateOf(error) === '23505' && constraintOf(error) === 'idx_bookings_idempotency_key') {
      const replay = await replayIdempotent(database, key, digest);
      if (replay) return replay;
    }
    throw error;
  }
}
