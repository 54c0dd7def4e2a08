import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { prebuilt } from '@/db/prebuilt';
import { meetingTypes, users } from '@/db/schema';
import { meetingTypeHeadColumns } from '@/lib/availability/meeting-type-head';
import { constraintOf, notFound, sqlStateOf } from '@/lib/errors';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { type BookingQuestion, storedBookingQuestions } from '@/lib/hosts/meeting-types/booking-questions';
import { validAnswers } from './answers';
import { assertBookableSlot } from './bookable-slot';
import { assertWithinBookingCaps } from './booking-caps';
import { countBookingOutcome } from './count-outcome';
import { type IdempotentRequest, releaseExpiredKey, replayIdempotent, requestDigest } from './idempotency';
import { type BookingRow, bookingEventPayload, insertConfirmedBooking } from './insert-booking';
import { consumeOneTimeLink } from './one-time-links/consume-link';
import { requestExpiresAt } from './request-expiry';
import { bookTeamSlot } from './team/book-team';
import { loadTeamTypeHead } from './team/team-type';
import type { CreateBookingInput } from './schemas';

export interface BookingResult {
  booking: BookingRow;
  /** False when an earlier request with the same Idempotency-Key already made it. */
  created: boolean;
  /** A team type's booking: who the invitee meets (the assigned member, or every member of a collective). */
  hosts?: string[];
}

/** Built once (db/prebuilt.ts): every booking reads it. */
const selectBookingHead = prebuilt('select_booking_head', (database) =>
  database
    .select({ ...meetingTypeHeadColumns, bookingQuestions: meetingTypes.bookingQuestions, teamId: meetingTypes.teamId })
    .from(meetingTypes)
    .leftJoin(users, eq(users.id, meetingTypes.userId))
    .where(eq(meetingTypes.id, sql.placeholder('meetingTypeId'))),
);

/**
 * The host whose lock a booking takes and the questions its invitee answers: the head availability
 * reads (deleted counts as inactive) with the questions, in the same one query. A team type (no
 * owning user) answers `team: true` and is booked through its members (team/book-team.ts).
 */
async function bookingHead(database: Queryable, meetingTypeId: string): Promise<{ team: true } | { team: false; hostUserId: string; questions: BookingQuestion[] }> {
  const [head] = await selectBookingHead(database, { meetingTypeId });
  if (head?.teamId) return { team: true };
  if (!head || !head.isActive) throw notFound('Meeting type');
  return { team: false, hostUserId: head.hostUserId, questions: storedBookingQuestions(head.bookingQuestions) };
}

/** The host of a bookable personal meeting type (404 for an unknown, inactive or team type). */
export async function hostOfActiveMeetingType(database: Queryable, meetingTypeId: string): Promise<string> {
  const head = await bookingHead(database, meetingTypeId);
  if (head.team) throw notFound('Meeting type');
  return head.hostUserId;
}

function idempotentRequest(input: CreateBookingInput, key: string | undefined, now: number): IdempotentRequest | null {
  if (!key) return null;
  // Tracking joins the digest only when present, so keys stored before it existed still match. The
  // language does not: a retry from the same page after switching language gets the same booking.
  const tracking = input.tracking ? [JSON.stringify(Object.entries(input.tracking).sort())] : [];
  const link = input.oneTimeLinkToken ? [`link:${input.oneTimeLinkToken}`] : [];
  // Answers likewise, by question id: the same key with other answers is another request.
  const answers = input.answers ? [JSON.stringify(Object.entries(input.answers).sort(([a], [b]) => (a < b ? -1 : 1)))] : [];
  const digest = requestDigest(['create', input.meetingTypeId, input.start, input.name, input.email.toLowerCase(), input.timezone, input.notes ?? '', ...tracking, ...link, ...answers]);
  return { meetingTypeId: input.meetingTypeId, key, digest, now };
}

/** An invitee books a slot: validated again under the host lock with the same engine that offered it. */
export function createBooking(deps: HostWriteDeps, input: CreateBookingInput, options: Parameters<typeof bookSlot>[2]): Promise<BookingResult> {
  return countBookingOutcome('book', () => bookSlot(deps, input, options));
}

async function bookSlot(
  deps: HostWriteDeps,
  input: CreateBookingInput,
  options: { idempotencyKey?: string | undefined; now: number },
): Promise<BookingResult> {
  const idempotent = idempotentRequest(input, options.idempotencyKey, options.now);
  if (idempotent) {
    const replay = await replayIdempotent(deps.database, idempotent);
    if (replay) return { booking: replay, created: false };
  }
  try {
    const head = await bookingHead(deps.database, input.meetingTypeId);
    if (head.team) {
      const team = await loadTeamTypeHead(deps.database, input.meetingTypeId);
      if (!team) throw notFound('Meeting type');
      return await bookTeamSlot(deps, team, { input, idempotent, now: options.now });
    }
    return await bookPersonalSlot(deps, input, head, idempotent, options.now);
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its booking.
    if (idempotent && isIdempotencyKeyConflict(error)) {
      const replay = await replayIdempotent(deps.database, idempotent);
      if (replay) return { booking: replay, created: false };
    }
    throw error;
  }
}

async function bookPersonalSlot(
  deps: HostWriteDeps,
  input: CreateBookingInput,
  { hostUserId, questions }: { hostUserId: string; questions: BookingQuestion[] },
  idempotent: IdempotentRequest | null,
  now: number,
): Promise<BookingResult> {
  // Checked before the lock against the questions as stored now; an edit racing the booking changes nothing stored.
  const answers = validAnswers(questions, input.answers);
  return runHostWrite(deps, { hostUserId, actor: { kind: 'invitee' } }, async ({ tx, emit }): Promise<BookingResult> => {
    if (idempotent) {
      // Checked again under the host lock: a same-key request queued behind the first gets its booking.
      const replay = await replayIdempotent(tx, idempotent);
      if (replay) return { booking: replay, created: false };
      await releaseExpiredKey(tx, idempotent);
    }
    // The id is chosen here: a one-time link is marked used by it before the row exists.
    const id = randomUUID();
    // All read under the lock and are sent together. A one-time link's verdict comes first (of two
    // requests with one link, the second hears "used", not "slot taken"), then the slot's, then the caps'.
    const token = input.oneTimeLinkToken;
    const [link, bookable, withinCaps] = await Promise.allSettled([
      token ? consumeOneTimeLink(tx, { token, meetingTypeId: input.meetingTypeId, bookingId: id, now: now }) : Promise.resolve(),
      assertBookableSlot(tx, input.meetingTypeId, input.start, now, undefined, hostUserId),
      assertWithinBookingCaps(tx, { hostUserId, meetingTypeId: input.meetingTypeId, email: input.email, now: now }),
    ]);
    if (link.status === 'rejected') throw link.reason;
    if (bookable.status === 'rejected') throw bookable.reason;
    if (withinCaps.status === 'rejected') throw withinCaps.reason;
    const { schedule, slot } = bookable.value;
    const { approval } = schedule;
    // A meeting type that requires confirmation makes a pending request: it holds the slot, and its
    // confirmation (emails, reminders, calendar) waits for the host's approval.
    const request = approval.requiresConfirmation
      ? { expiresAt: requestExpiresAt({ now: now, start: slot.start, autoDeclineAfterHours: approval.autoDeclineAfterHours }) }
      : undefined;
    // The booking and its event are sent together (one round trip); a refused insert aborts the
    // transaction, so neither the outbox row nor the link's use outlives it.
    const event = bookingEventPayload({ id, hostUserId, meetingTypeId: input.meetingTypeId, startTime: new Date(slot.start), endTime: new Date(slot.end) });
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
        answers,
        locale: input.locale,
        idempotencyKey: idempotent?.key,
        idempotencyRequestHash: idempotent?.digest,
        request,
      }),
      request ? emit('booking/requested', { ...event, expiresAt: request.expiresAt.toISOString() }) : emit('booking/confirmed', event),
    ]);
    return { booking: inserted, created: true };
  }, { lockWithFirstStatements: true });
}

export function isIdempotencyKeyConflict(error: unknown): boolean {
  return sqlStateOf(error) === '23505' && constraintOf(error) === 'idx_bookings_idempotency_key';
}

