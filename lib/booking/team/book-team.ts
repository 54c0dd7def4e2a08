import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '@/lib/errors';
import { type HostWrite, type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { validAnswers } from '../answers';
import { assertBookableSlot } from '../bookable-slot';
import { assertWithinBookingCaps } from '../booking-caps';
import { type IdempotentRequest, releaseExpiredKey, replayIdempotent } from '../idempotency';
import { type BookingRow, bookingEventPayload, insertConfirmedBooking } from '../insert-booking';
import { consumeOneTimeLink } from '../one-time-links/consume-link';
import type { CreateBookingInput } from '../schemas';
import { loadAssignmentCandidates } from './assignment-history';
import { assignmentOrder } from './assignment-order';
import { isMemberRefusal, noMemberFree, refusalOfAll } from './member-refusal';
import type { TeamTypeHead } from './team-type';
import { withTeamHosts } from './host-names';

// A team type is booked through its members. Round robin: members are tried one at a time in the
// assignment order, each in its own transaction under only that member's lock, so a storm never
// queues on a member it will not get; the first free one is assigned, under the constraint. Collective:
// every member's lock in uuid order (deadlock-free), every member checked, one row per member.

interface TeamBooking {
  input: CreateBookingInput;
  idempotent: IdempotentRequest | null;
  now: number;
}

type Answers = ReturnType<typeof validAnswers>;

export async function bookTeamSlot(deps: HostWriteDeps, head: TeamTypeHead, booking: TeamBooking): Promise<{ booking: BookingRow; created: boolean; hosts: string[] }> {
  return withTeamHosts(deps.database, await assignAndBook(deps, head, booking));
}

async function assignAndBook(deps: HostWriteDeps, head: TeamTypeHead, booking: TeamBooking): Promise<{ booking: BookingRow; created: boolean }> {
  if (!head.isActive) throw notFound('Meeting type');
  const answers = validAnswers(head.questions, booking.input.answers);
  if (head.hosts.length === 0) throw noMemberFree();
  if (head.schedulingType === 'collective') return bookCollective(deps, head, booking, answers);
  const order = assignmentOrder(await loadAssignmentCandidates(deps.database, head, booking.now));
  const refusals: unknown[] = [];
  for (const member of order) {
    try {
      return await bookMember(deps, member, booking, answers);
    } catch (error) {
      if (!isMemberRefusal(error)) throw error;
      refusals.push(error);
    }
  }
  throw refusalOfAll(refusals);
}

/**
 * Read under the lock with the slot's check: the one-time link's use (its verdict comes first, so of two
 * requests with one link the second hears "used") and the member's hourly caps.
 */
function linkAndCaps(write: HostWrite, { input, now }: TeamBooking, member: string, bookingId: string): [Promise<void>, Promise<void>] {
  const token = input.oneTimeLinkToken;
  return [
    token ? consumeOneTimeLink(write.tx, { token, meetingTypeId: input.meetingTypeId, bookingId, now }) : Promise.resolve(),
    assertWithinBookingCaps(write.tx, { hostUserId: member, meetingTypeId: input.meetingTypeId, email: input.email, now }),
  ];
}

/** The earlier booking of a same-key request, checked under the lock; an expired key is freed for reuse. */
async function replayUnderLock(write: HostWrite, idempotent: IdempotentRequest | null): Promise<BookingRow | null> {
  if (!idempotent) return null;
  const replay = await replayIdempotent(write.tx, idempotent);
  if (!replay) await releaseExpiredKey(write.tx, idempotent);
  return replay;
}

function bookMember(deps: HostWriteDeps, member: string, booking: TeamBooking, answers: Answers) {
  const { input, now } = booking;
  return runHostWrite(deps, { hostUserId: member, actor: { kind: 'invitee' } }, async (write) => {
    const replay = await replayUnderLock(write, booking.idempotent);
    if (replay) return { booking: replay, created: false };
    const id = randomUUID();
    const [link, withinCaps, bookable] = await Promise.allSettled([
      ...linkAndCaps(write, booking, member, id),
      assertBookableSlot(write.tx, input.meetingTypeId, input.start, now, undefined, member, { member }),
    ]);
    if (link.status === 'rejected') throw link.reason;
    if (bookable.status === 'rejected') throw bookable.reason;
    if (withinCaps.status === 'rejected') throw withinCaps.reason;
    const row = await insertTeamRow(write, {
      id,
      member,
      booking,
      answers,
      ...bookable.value,
    });
    return { booking: row, created: true };
  });
}

async function insertTeamRow(
  write: HostWrite,
  values: {
    id?: string;
    member: string;
    booking: TeamBooking;
    answers: Answers;
    schedule: Awaited<ReturnType<typeof assertBookableSlot>>['schedule'];
    slot: { start: number; end: number };
    collectiveLeadId?: string;
  },
): Promise<BookingRow> {
  const { input, idempotent } = values.booking;
  const lead = values.collectiveLeadId === undefined;
  const id = values.id ?? randomUUID();
  const event = bookingEventPayload({
    id,
    hostUserId: values.member,
    meetingTypeId: input.meetingTypeId,
    startTime: new Date(values.slot.start),
    endTime: new Date(values.slot.end),
  });
  const [row] = await Promise.all([
    insertConfirmedBooking(write.tx, {
      id,
      meetingTypeId: input.meetingTypeId,
      hostUserId: values.member,
      slot: values.slot,
      bufferBeforeMinutes: values.schedule.policy.bufferBeforeMinutes,
      bufferAfterMinutes: values.schedule.policy.bufferAfterMinutes,
      name: input.name,
      email: input.email,
      timezone: input.timezone,
      notes: input.notes,
      tracking: input.tracking,
      answers: values.answers,
      locale: input.locale,
      // The key stays on the invitee's (lead) row only: replays answer with it.
      idempotencyKey: lead ? idempotent?.key : null,
      idempotencyRequestHash: lead ? idempotent?.digest : null,
      ...(values.collectiveLeadId ? { collectiveLeadId: values.collectiveLeadId } : {}),
    }),
    // Every row's host hears of it: their email, their calendar, their webhooks (the invitee's email goes with the lead only).
    write.emit('booking/confirmed', event),
  ]);
  return row;
}

async function bookCollective(deps: HostWriteDeps, head: TeamTypeHead, booking: TeamBooking, answers: Answers) {
  const { input, now } = booking;
  const [lead, ...others] = head.hosts.map((host) => host.userId).sort();
  if (!lead) throw noMemberFree();
  return runHostWrite(deps, { hostUserId: lead, actor: { kind: 'invitee' } }, async (write) => {
    // Every member's lock, in uuid order after the lead's (the lowest): no two bookings wait on each other in a cycle.
    for (const member of others) await runHostWrite(deps, { hostUserId: member, actor: { kind: 'invitee' } }, async () => undefined, { within: write });
    const replay = await replayUnderLock(write, booking.idempotent);
    if (replay) return { booking: replay, created: false };
    const id = randomUUID();
    const [link, withinCaps, ...checks] = await Promise.allSettled([
      ...linkAndCaps(write, booking, lead, id),
      ...[lead, ...others].map((member) => assertBookableSlot(write.tx, input.meetingTypeId, input.start, now, undefined, member, { member })),
    ]);
    if (link.status === 'rejected') throw link.reason;
    if (withinCaps.status === 'rejected') throw withinCaps.reason;
    const bookable = checks.map((check) => {
      if (check.status === 'fulfilled') return check.value;
      throw isMemberRefusal(check.reason) ? noMemberFree(check.reason) : check.reason;
    });
    const [first] = bookable;
    if (!first) throw new AppError('slot_taken', 'No team member is free at that time.');
    const row = await insertTeamRow(write, {
      id,
      member: lead,
      booking,
      answers,
      ...first,
    });
    // One row per other member, each under bookings_no_overlap for that member's time.
    await Promise.all(
      others.map((member) =>
        insertTeamRow(write, {
          member,
          booking,
          answers,
          ...first,
          collectiveLeadId: id,
        }),
      ),
    );
    return { booking: row, created: true };
  });
}
