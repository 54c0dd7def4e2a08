import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { emailNotifications } from '@/db/schema';
import { loadBookingNotice, loadBookingTimes } from './booking-notice';
import { composeEmail, type NoticeContext } from './compose-email';
import { deliverEmail } from './deliver-email';
import { mayMailHostAddress } from './host-address-policy';
import { type ChangedBy, DAY_REMINDER_CUTOFF_MS, type NoticeKind, type Recipient, type ReminderKind, reminderTime } from './notice-kinds';

// Who is told what. Each function re-reads the booking first and sends nothing that is no longer
// true; each is safe to call again (deliverEmail sends once per booking, kind and recipient).

export interface NotificationDeps {
  database: Database;
}

export type SendOutcome = Awaited<ReturnType<typeof deliverEmail>> | 'skipped';

async function send(deps: NotificationDeps, bookingId: string, kind: NoticeKind, recipient: Recipient, context: NoticeContext, mayHear: (notice: NonNullable<Awaited<ReturnType<typeof loadBookingNotice>>>) => boolean): Promise<SendOutcome> {
  const notice = await loadBookingNotice(deps.database, bookingId);
  if (!notice || !mayHear(notice)) return 'skipped';
  // A collective booking's member row is that member's copy: the invitee hears once, through the lead row.
  if (recipient === 'invitee' && notice.booking.collectiveLeadId !== null) return 'skipped';
  if (recipient === 'host' && !mayMailHostAddress(kind, notice.host.emailVerified !== null && notice.host.deletedAt === null)) return 'skipped';
  return deliverEmail(deps.database, bookingId, kind, composeEmail(notice, kind, recipient, context));
}

/** A new booking; skipped when it was cancelled or moved before the job ran (those emails follow). */
export function sendConfirmation(deps: NotificationDeps, bookingId: string, recipient: Recipient): Promise<SendOutcome> {
  return send(deps, bookingId, 'confirmation', recipient, {}, ({ booking }) => booking.status === 'confirmed');
}

export function sendCancellation(deps: NotificationDeps, bookingId: string, recipient: Recipient, change: { reason: string | null; cancelledBy: ChangedBy }): Promise<SendOutcome> {
  return send(deps, bookingId, 'cancellation', recipient, change, ({ booking }) => booking.status === 'cancelled');
}

/** One message for a move, naming the old time and the new one. */
export async function sendRescheduled(
  deps: NotificationDeps,
  bookingId: string,
  recipient: Recipient,
  change: { previousBookingId: string; rescheduledBy?: ChangedBy | undefined; message?: string | null | undefined },
): Promise<SendOutcome> {
  const previous = await loadBookingTimes(deps.database, change.previousBookingId);
  // Only while the new booking stands: moved again or cancelled meanwhile, those emails say so.
  const context = { previous, rescheduledBy: change.rescheduledBy, message: change.message ?? null };
  return send(deps, bookingId, 'rescheduled', recipient, context, ({ booking }) => booking.status === 'confirmed');
}

/** The host's request that the invitee pick a new time: only while it is still pending (not yet moved, declined or cancelled). */
export function sendNewTimeRequest(deps: NotificationDeps, bookingId: string): Promise<SendOutcome> {
  return send(deps, bookingId, 'new_time_request', 'invitee', {}, ({ booking }) => booking.status === 'confirmed' && booking.newTimeRequestedAt !== null);
}

/** A request awaiting approval: the invitee hears it arrived, the host gets Approve and Decline (only while it is still pending). */
export function sendBookingRequest(deps: NotificationDeps, bookingId: string, recipient: Recipient): Promise<SendOutcome> {
  return send(deps, bookingId, 'booking_request', recipient, {}, ({ booking }) => booking.status === 'pending');
}

/** A request that ended without a meeting: the invitee is told, with the host's reason if they gave one. */
export function sendRequestDeclined(deps: NotificationDeps, bookingId: string, change: { reason: string | null; declinedBy: 'host' | 'system' }): Promise<SendOutcome> {
  return send(deps, bookingId, 'request_declined', 'invitee', change, ({ booking }) => booking.status === 'declined' || booking.status === 'expired');
}

/**
 * A reminder, sent only if the booking is still confirmed now, has not started, was booked before
 * the reminder was due, and (for the 24-hour one, late after downtime) is not within two hours of the start. The host
 * gets reminders only after opting in.
 */
export function sendReminder(deps: NotificationDeps, bookingId: string, kind: ReminderKind, recipient: Recipient, now = new Date()): Promise<SendOutcome> {
  return send(deps, bookingId, kind, recipient, {}, ({ booking, host }) => {
    if (booking.status !== 'confirmed' || booking.startTime <= now) return false;
    if (reminderTime(kind, booking.startTime) <= booking.createdAt) return false;
    if (kind === 'reminder_24h' && booking.startTime.getTime() - now.getTime() <= DAY_REMINDER_CUTOFF_MS) return false;
    return recipient === 'invitee' || host.reminderEmails;
  });
}

/** After a job gave up for good: its booking's emails still pending are recorded as failed, not left hanging. */
export async function failPendingEmails(deps: NotificationDeps, bookingId: string, reason: string): Promise<void> {
  await deps.database
    .update(emailNotifications)
    .set({ status: 'failed', error: `gave up: ${reason}`.slice(0, 2_000) })
    .where(and(eq(emailNotifications.bookingId, bookingId), eq(emailNotifications.status, 'pending')));
}
