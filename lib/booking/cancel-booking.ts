import { eq } from 'drizzle-orm';
import { type BookingChanger, bookings } from '@/db/schema';
import { type HostWrite, type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { AppError } from '@/lib/errors';
import { assertNotStarted, assertWithinChangeWindow } from './change-rules';
import { alreadyDecided } from './decide-request';
import { actorFor, type BookingAccess, findBookingFor } from './find-booking';
import { type BookingRow, bookingEventPayload } from './insert-booking';
import { activeMemberRows, type CollectiveGroup, leadAccess, loadCollectiveGroup, withMemberLocks } from './team/collective-group';

/**
 * Cancels a booking, for the invitee (cancel link) or the host who owns it: one service, two
 * permission checks. Cancelling again is a no-op that answers the same.
 */
export async function cancelBooking(
  deps: HostWriteDeps,
  input: { bookingId: string; access: BookingAccess; reason?: string | undefined; now: number },
): Promise<BookingRow> {
  const found = await findBookingFor(deps.database, input.bookingId, input.access, 'cancel');
  if (found.status === 'cancelled') return found;
  const group = await loadCollectiveGroup(deps.database, found);
  if (group) return cancelCollective(deps, group, found.id, input);
  const actor = actorFor(input.access);
  return runHostWrite(deps, { hostUserId: found.hostUserId, actor }, async (write) => {
    const booking = await findBookingFor(write.tx, input.bookingId, input.access, 'cancel', { forUpdate: true });
    if (!(await mayCancel(write, booking, input))) return booking;
    return cancelLockedBooking(write, booking, { reason: input.reason ?? null, by: input.access.kind, now: input.now });
  });
}

type CancelInput = Parameters<typeof cancelBooking>[1];

/** False when it is already cancelled (a no-op); throws when it may not be cancelled now. */
async function mayCancel({ tx }: HostWrite, booking: BookingRow, input: CancelInput): Promise<boolean> {
  if (booking.status === 'cancelled') return false;
  if (booking.status === 'rescheduled') {
    throw new AppError('booking_not_active', 'This booking was rescheduled; manage the new booking instead.');
  }
  if (booking.status !== 'confirmed' && booking.status !== 'pending') throw alreadyDecided(booking.status);
  assertNotStarted(booking, input.now, 'cancelled');
  // A request not yet approved may be withdrawn until the meeting would start, whatever the cut-off.
  if (booking.status === 'confirmed') await assertWithinChangeWindow(tx, booking, input.access, input.now, 'cancelled');
  return true;
}

/** A collective booking is cancelled as one: the lead row and every member's row, under every member's lock. */
function cancelCollective(deps: HostWriteDeps, group: CollectiveGroup, askedId: string, input: CancelInput): Promise<BookingRow> {
  const hosts = [group.lead, ...group.members].map((row) => row.hostUserId);
  return withMemberLocks(deps, hosts, async (write) => {
    const lead = await findBookingFor(write.tx, group.lead.id, leadAccess(input.access, group.lead), 'cancel', { forUpdate: true });
    const change = { reason: input.reason ?? null, by: input.access.kind, now: input.now };
    const rows = (await mayCancel(write, lead, input)) ? [await cancelLockedBooking(write, lead, change)] : [lead];
    if (rows[0]!.status === 'cancelled') {
      for (const member of await activeMemberRows(write.tx, lead.id, ['confirmed', 'pending'])) rows.push(await cancelLockedBooking(write, member, change));
    }
    const asked = rows.find((row) => row.id === askedId);
    return asked ?? (await findBookingFor(write.tx, askedId, input.access, 'cancel'));
  });
}

/** Marks a locked, confirmed (or pending) booking cancelled (a pending request for a new time ends with it) and says so in the outbox. */
export async function cancelLockedBooking(
  { tx, emit }: HostWrite,
  booking: BookingRow,
  change: { reason: string | null; by: BookingChanger; now: number },
): Promise<BookingRow> {
  const [cancelled] = await tx
    .update(bookings)
    .set({
      status: 'cancelled',
      cancelledAt: new Date(change.now),
      cancelledBy: change.by,
      cancellationReason: change.reason,
      newTimeRequestedAt: null,
      newTimeRequestMessage: null,
      version: booking.version + 1,
    })
    .where(eq(bookings.id, booking.id))
    .returning();
  if (!cancelled) throw new Error('cancel update returned no row');
  await emit('booking/cancelled', { ...bookingEventPayload(cancelled), reason: change.reason, cancelledBy: change.by });
  return cancelled;
}
