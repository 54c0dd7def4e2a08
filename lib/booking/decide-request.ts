import { and, eq, lte } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { type BookingStatus, bookings } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import type { Actor } from '@/lib/hosts/actor';
import { type HostContext, type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { isUuid } from '@/lib/ids';
import { tokenMatches } from '@/lib/secrets/token-hash';
import { type BookingRow, bookingEventPayload } from './insert-booking';

// A request (a pending booking) ends exactly once: approved, declined or expired. Each decision is a
// compare-and-swap (UPDATE … WHERE status = 'pending' RETURNING) under the host lock, so two
// approvers, or an approval racing a decline or the expiry job, end in one outcome and one event
// (hence one email); every loser gets a 409 that says what happened instead.

export type RequestDecision = { outcome: 'approve' } | { outcome: 'decline'; reason: string | null } | { outcome: 'expire' };

/** Who decides: the signed-in host, the holder of the host's emailed link, or the expiry job. */
export type DeciderAccess = { kind: 'host'; userId: string } | { kind: 'link'; token: string | null | undefined } | { kind: 'system' };

const decidedMessages: Partial<Record<BookingStatus, string>> = {
  confirmed: 'This request was already approved.',
  declined: 'This request was already declined.',
  expired: 'This request expired before anyone answered it.',
  cancelled: 'The invitee withdrew this request.',
};

/** The 409 a late decision gets, naming what the request became. */
export function alreadyDecided(status: BookingStatus): AppError {
  return new AppError('booking_not_active', decidedMessages[status] ?? `This booking is ${status}.`, { details: { status } });
}

/** The request as `access` may reach it; unknown ids, wrong tokens and other hosts' bookings are one 404. */
export async function findRequestFor(database: Queryable, bookingId: string, access: DeciderAccess): Promise<BookingRow> {
  if (!isUuid(bookingId)) throw notFound('Booking');
  const [booking] = await database.select().from(bookings).where(eq(bookings.id, bookingId));
  if (!booking) throw notFound('Booking');
  if (access.kind === 'host' && booking.hostUserId !== access.userId) throw notFound('Booking');
  if (access.kind === 'link' && !(access.token && booking.approvalTokenHash && tokenMatches(access.token, booking.approvalTokenHash))) throw notFound('Booking');
  return booking;
}

function actorOf(access: DeciderAccess, booking: BookingRow): Actor {
  if (access.kind === 'system') return { kind: 'system', job: 'request-expiry' };
  // The emailed link was made for the host alone: its holder acts as that host.
  return { kind: 'host', userId: access.kind === 'host' ? access.userId : booking.hostUserId };
}

function changeOf(decision: RequestDecision, now: Date) {
  if (decision.outcome === 'approve') return { status: 'confirmed' as const, decidedAt: now };
  if (decision.outcome === 'decline') return { status: 'declined' as const, decidedAt: now, declineReason: decision.reason };
  return { status: 'expired' as const, decidedAt: now };
}

/**
 * Approves, declines or expires a pending request. Approval confirms it (the usual confirmation,
 * reminders and calendar write-back follow from `booking/confirmed`); a decline or the expiry frees
 * the slot and tells the invitee (`booking/declined`). An approval once the request expired is refused.
 */
export async function decideRequest(
  deps: HostWriteDeps,
  input: { bookingId: string; access: DeciderAccess; decision: RequestDecision; now: number },
): Promise<BookingRow> {
  const found = await findRequestFor(deps.database, input.bookingId, input.access);
  if (found.status !== 'pending') throw alreadyDecided(found.status);
  const expiresAt = found.approvalExpiresAt?.getTime() ?? 0;
  const { outcome } = input.decision;
  if (outcome === 'approve' && input.now >= expiresAt) throw alreadyDecided('expired');
  if (outcome === 'expire' && input.now < expiresAt) return found;
  const now = new Date(input.now);
  return runHostWrite(deps, { hostUserId: found.hostUserId, actor: actorOf(input.access, found) }, async ({ tx, emit }) => {
    const [decided] = await tx
      .update(bookings)
      .set({ ...changeOf(input.decision, now), version: found.version + 1 })
      .where(and(eq(bookings.id, found.id), eq(bookings.status, 'pending'), outcome === 'expire' ? lte(bookings.approvalExpiresAt, now) : undefined))
      .returning();
    if (!decided) {
      const [current] = await tx.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, found.id));
      throw alreadyDecided(current?.status ?? 'cancelled');
    }
    const event = bookingEventPayload(decided);
    if (outcome === 'approve') await emit('booking/confirmed', event);
    else await emit('booking/declined', { ...event, reason: decided.declineReason, declinedBy: outcome === 'decline' ? 'host' : 'system' });
    return decided;
  });
}

/** The signed-in host approves their own request (dashboard). */
export function approveRequest(ctx: HostContext, input: { bookingId: string }): Promise<BookingRow> {
  return decideRequest(ctx, { bookingId: input.bookingId, access: { kind: 'host', userId: ctx.actor.userId }, decision: { outcome: 'approve' }, now: ctx.now });
}

/** The signed-in host declines their own request, optionally saying why (the invitee is told). */
export function declineRequest(ctx: HostContext, input: { bookingId: string; reason?: string | undefined }): Promise<BookingRow> {
  const decision = { outcome: 'decline' as const, reason: input.reason ?? null };
  return decideRequest(ctx, { bookingId: input.bookingId, access: { kind: 'host', userId: ctx.actor.userId }, decision, now: ctx.now });
}
