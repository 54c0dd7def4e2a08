import { and, eq } from 'drizzle-orm';
import { bookings } from '@/db/schema';
import { type HostWrite, type HostWriteDeps } from '@/lib/hosts/host-write';
import { assertBookableSlot } from '../bookable-slot';
import type { BookingAccess } from '../find-booking';
import type { IdempotentRequest } from '../idempotency';
import { type BookingRow, bookingEventPayload, insertConfirmedBooking } from '../insert-booking';
import { movedBookingValues, takeForMove } from '../move-steps';
import { loadAssignmentCandidates } from './assignment-history';
import { assignmentOrder } from './assignment-order';
import { leadAccess, loadCollectiveGroup, withMemberLocks } from './collective-group';
import { isMemberRefusal, noMemberFree, refusalOfAll } from './member-refusal';
import type { TeamTypeHead } from './team-type';
import { withTeamHosts } from './host-names';

// Moving a team booking. Round robin: the same member keeps it when free at the new time (under
// their lock alone); otherwise the next free member in the assignment order takes it, under both
// members' locks in uuid order. Collective: every member's row moves together, or none does.

export interface TeamMove {
  bookingId: string;
  access: BookingAccess;
  start: number;
  now: number;
  message?: string | undefined;
  idempotent: IdempotentRequest | null;
}

type Moved = { booking: BookingRow; created: boolean };

export async function moveTeamBooking(deps: HostWriteDeps, team: TeamTypeHead, found: BookingRow, move: TeamMove): Promise<Moved & { hosts: string[] }> {
  return withTeamHosts(deps.database, await moveWithinTeam(deps, team, found, move));
}

async function moveWithinTeam(deps: HostWriteDeps, team: TeamTypeHead, found: BookingRow, move: TeamMove): Promise<Moved> {
  const group = await loadCollectiveGroup(deps.database, found);
  if (group) return moveCollective(deps, team, group.lead, [group.lead, ...group.members], move);
  const keeper = found.hostUserId;
  const refusals: unknown[] = [];
  const others = assignmentOrder(await loadAssignmentCandidates(deps.database, team, move.now)).filter((member) => member !== keeper);
  for (const member of [keeper, ...others]) {
    try {
      return await withMemberLocks(deps, [keeper, member], (write) => moveToMember(write, member, move));
    } catch (error) {
      if (!isMemberRefusal(error)) throw error;
      refusals.push(error);
    }
  }
  throw refusalOfAll(refusals);
}

async function moveToMember(write: HostWrite, member: string, move: TeamMove): Promise<Moved> {
  const taken = await takeForMove(write.tx, move, move.idempotent);
  if ('raced' in taken) return { booking: taken.raced, created: false };
  const { previous } = taken;
  // The member's own meeting does not count against its move (its calendar event is ours).
  const own = member === previous.hostUserId ? { start: previous.startTime.getTime(), end: previous.endTime.getTime() } : undefined;
  const { schedule, slot } = await assertBookableSlot(write.tx, previous.meetingTypeId, move.start, move.now, own, member, { member });
  const next = await insertConfirmedBooking(write.tx, {
    ...movedBookingValues(previous, move.idempotent),
    hostUserId: member,
    slot,
    bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
    bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
  });
  await write.emit('booking/rescheduled', movedEvent(next, previous, move));
  return { booking: next, created: true };
}

function movedEvent(next: BookingRow, previous: BookingRow, move: TeamMove) {
  const message = move.access.kind === 'host' ? (move.message ?? null) : null;
  return { ...bookingEventPayload(next), previousBookingId: previous.id, rescheduledBy: move.access.kind, message };
}

async function moveCollective(deps: HostWriteDeps, team: TeamTypeHead, lead: BookingRow, rows: BookingRow[], move: TeamMove): Promise<Moved> {
  // The members who attend: those of the booking still with the type (a member who left keeps the old time's row).
  const current = new Set(team.hosts.map((host) => host.userId));
  const attending = rows.filter((row) => current.has(row.hostUserId)).sort((a, b) => (a.hostUserId < b.hostUserId ? -1 : 1));
  if (attending.length === 0) throw noMemberFree();
  return withMemberLocks(
    deps,
    rows.map((row) => row.hostUserId),
    async (write) => {
      const taken = await takeForMove(write.tx, { ...move, bookingId: lead.id, access: leadAccess(move.access, lead) }, move.idempotent);
      if ('raced' in taken) return { booking: taken.raced, created: false };
      const previousLead = taken.previous;
      await write.tx
        .update(bookings)
        .set({ status: 'rescheduled' })
        .where(and(eq(bookings.collectiveLeadId, lead.id), eq(bookings.status, 'confirmed')));
      const own = { start: lead.startTime.getTime(), end: lead.endTime.getTime() };
      const checks = await Promise.allSettled(attending.map((row) => assertBookableSlot(write.tx, lead.meetingTypeId, move.start, move.now, own, row.hostUserId, { member: row.hostUserId })));
      const bookable = checks.map((check) => {
        if (check.status === 'fulfilled') return check.value;
        throw isMemberRefusal(check.reason) ? noMemberFree(check.reason) : check.reason;
      });
      const [{ schedule, slot }] = bookable as [(typeof bookable)[number]];
      const [newLeadHost, ...others] = attending;
      const values = (previous: BookingRow) => ({
        ...movedBookingValues(previous, null),
        slot,
        bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
        bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
      });
      // The new lead follows the old lead (its links' chain and the key), whoever hosts it now.
      const next = await insertConfirmedBooking(write.tx, {
        ...values(previousLead),
        ...movedBookingValues(previousLead, move.idempotent),
        hostUserId: newLeadHost!.hostUserId,
      });
      await write.emit('booking/rescheduled', movedEvent(next, newLeadHost!.id === previousLead.id ? previousLead : newLeadHost!, move));
      for (const row of others) {
        const moved = await insertConfirmedBooking(write.tx, { ...values(row), hostUserId: row.hostUserId, collectiveLeadId: next.id });
        await write.emit('booking/rescheduled', movedEvent(moved, row, move));
      }
      return { booking: next, created: true };
    },
  );
}
