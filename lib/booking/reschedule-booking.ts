import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { assertBookableSlot } from './bookable-slot';
import { isIdempotencyKeyConflict } from './create-booking';
import { countBookingOutcome } from './count-outcome';
import { actorFor, type BookingAccess, findBookingFor } from './find-booking';
import { type IdempotentRequest, requestDigest } from './idempotency';
import { type BookingRow, bookingEventPayload, insertConfirmedBooking } from './insert-booking';
import { earlierReschedule, movedBookingValues, takeForMove } from './move-steps';
import { moveTeamBooking } from './team/move-team-booking';
import { loadTeamTypeHead } from './team/team-type';

function idempotentRequest(previous: BookingRow, start: number, key: string | undefined, now: number): IdempotentRequest | null {
  if (!key) return null;
  return { meetingTypeId: previous.meetingTypeId, key, digest: requestDigest(['reschedule', previous.id, start]), now };
}

/**
 * Moves a booking to a new start in one transaction: the old one becomes `rescheduled` (freeing its
 * time, also for the new slot's own check), the new one is validated like any booking and inserted.
 * If the new time is not bookable the whole change rolls back and the old booking stands.
 */
export function rescheduleBooking(deps: HostWriteDeps, input: Parameters<typeof moveBooking>[1]): Promise<{ booking: BookingRow; created: boolean; hosts?: string[] }> {
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
): Promise<{ booking: BookingRow; created: boolean; hosts?: string[] }> {
  const found = await findBookingFor(deps.database, input.bookingId, input.access, 'reschedule');
  const idempotent = idempotentRequest(found, input.start, input.idempotencyKey, input.now);
  const replay = await earlierReschedule(deps.database, found, idempotent);
  if (replay) return { booking: replay, created: false };
  try {
    const team = await loadTeamTypeHead(deps.database, found.meetingTypeId);
    if (team) return await moveTeamBooking(deps, team, found, { ...input, idempotent });
    return await runHostWrite(deps, { hostUserId: found.hostUserId, actor: actorFor(input.access) }, async ({ tx, emit, actor }) => {
      const taken = await takeForMove(tx, input, idempotent);
      if ('raced' in taken) return { booking: taken.raced, created: false };
      const { previous } = taken;
      const { schedule, slot } = await assertBookableSlot(tx, previous.meetingTypeId, input.start, input.now, {
        start: previous.startTime.getTime(),
        end: previous.endTime.getTime(),
      });
      const next = await insertConfirmedBooking(tx, {
        ...movedBookingValues(previous, idempotent),
        hostUserId: previous.hostUserId,
        slot,
        bufferBeforeMinutes: schedule.policy.bufferBeforeMinutes,
        bufferAfterMinutes: schedule.policy.bufferAfterMinutes,
        seated: schedule.policy.seatsPerSlot != null,
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

