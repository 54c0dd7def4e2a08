import { and, eq, gt, isNull } from 'drizzle-orm';
import { bookings, meetingTypes } from '@/db/schema';
import type { HostWrite, HostWriteDeps } from '@/lib/hosts/host-write';
import { assertBookableSlot } from '../bookable-slot';
import { cancelLockedBooking } from '../cancel-booking';
import { type BookingRow, bookingEventPayload, insertConfirmedBooking } from '../insert-booking';
import { movedBookingValues } from '../move-steps';
import { loadAssignmentCandidates } from './assignment-history';
import { assignmentOrder } from './assignment-order';
import { withMemberLocks } from './collective-group';
import { isMemberRefusal } from './member-refusal';
import { loadTeamTypeHead } from './team-type';

// A member left or was removed (the team/member-removed job): each of their future round-robin
// bookings of the team's types goes to the next free member in the assignment order, at the same
// time, under both members' locks; when nobody is free it is cancelled by the system and the invitee
// is sent to the team's page to book again. Past and collective bookings stay as they are. Safe to
// run again: a booking already handed on or cancelled is skipped.

export const NOBODY_FREE_REASON = 'The team member hosting this meeting has left the team, and no other member is free at this time. Please book another time.';

export interface RemovedMember {
  teamId: string;
  userId: string;
  now: number;
}

export type HandOver = { bookingId: string; outcome: 'reassigned'; to: string } | { bookingId: string; outcome: 'cancelled' | 'skipped' };

export async function reassignRemovedMemberBookings(deps: HostWriteDeps, removed: RemovedMember): Promise<HandOver[]> {
  const due = await deps.database
    .select({ id: bookings.id, meetingTypeId: bookings.meetingTypeId })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .where(
      and(
        eq(bookings.hostUserId, removed.userId),
        eq(meetingTypes.teamId, removed.teamId),
        eq(meetingTypes.schedulingType, 'round_robin'),
        eq(bookings.status, 'confirmed'),
        gt(bookings.startTime, new Date(removed.now)),
        isNull(bookings.collectiveLeadId),
      ),
    )
    .orderBy(bookings.startTime);
  const outcomes: HandOver[] = [];
  // One booking at a time, each in its own short transaction: a long list never holds a lock for long.
  for (const booking of due) outcomes.push(await handOver(deps, booking, removed));
  return outcomes;
}

async function handOver(deps: HostWriteDeps, booking: { id: string; meetingTypeId: string }, removed: RemovedMember): Promise<HandOver> {
  const team = await loadTeamTypeHead(deps.database, booking.meetingTypeId);
  const candidates = team ? assignmentOrder(await loadAssignmentCandidates(deps.database, team, removed.now)) : [];
  for (const member of candidates.filter((candidate) => candidate !== removed.userId)) {
    try {
      return await withMemberLocks(deps, [removed.userId, member], (write) => reassign(write, booking.id, member, removed.now));
    } catch (error) {
      if (!isMemberRefusal(error)) throw error;
    }
  }
  return withMemberLocks(deps, [removed.userId], async (write) => {
    const previous = await stillTheirs(write, booking.id, removed.now);
    if (!previous) return { bookingId: booking.id, outcome: 'skipped' };
    await cancelLockedBooking(write, previous, { reason: NOBODY_FREE_REASON, by: 'system', now: removed.now });
    return { bookingId: booking.id, outcome: 'cancelled' };
  });
}

/** The booking, locked, if it is still confirmed and ahead (a retried run finds it handed on). */
async function stillTheirs(write: HostWrite, bookingId: string, now: number): Promise<BookingRow | null> {
  const [row] = await write.tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  return row && row.status === 'confirmed' && row.startTime.getTime() > now ? row : null;
}

async function reassign(write: HostWrite, bookingId: string, member: string, now: number): Promise<HandOver> {
  const previous = await stillTheirs(write, bookingId, now);
  if (!previous) return { bookingId, outcome: 'skipped' };
  await write.tx.update(bookings).set({ status: 'rescheduled', version: previous.version + 1 }).where(eq(bookings.id, previous.id));
  const { schedule, slot } = await assertBookableSlot(write.tx, previous.meetingTypeId, previous.startTime.getTime(), now, undefined, member, { member });
  const next = await insertConfirmedBooking(write.tx, {
    ...movedBookingValues(previous, null),
    hostUserId: member,
    slot,
    bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
    bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
  });
  // The invitee and the new member hear of it as a move by Rendezvous (same time, new host); the old entry leaves the old member's calendar.
  await write.emit('booking/rescheduled', { ...bookingEventPayload(next), previousBookingId: previous.id, rescheduledBy: 'system', message: null });
  return { bookingId, outcome: 'reassigned', to: member };
}
