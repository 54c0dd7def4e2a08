import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from '@/db/client';
import { bookings } from '@/db/schema';
import { hashToken } from '@/lib/secrets/token-hash';
import { approvalToken } from './approval-links';
import { bookingToken } from './tokens';

export type BookingRow = typeof bookings.$inferSelect;

/** Inserts a confirmed booking for an already validated slot (with `request`, a pending one awaiting the host). */
export async function insertConfirmedBooking(
  tx: Transaction,
  values: {
    /** Chosen by the caller when it needs the id before the insert returns (e.g. for an event sent alongside). */
    id?: string;
    meetingTypeId: string;
    hostUserId: string;
    slot: { start: number; end: number };
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    name: string;
    email: string;
    timezone: string;
    notes?: string | null;
    tracking?: BookingRow['tracking'] | undefined;
    /** The answers to the meeting type's questions, labels as asked (null: none asked). */
    answers?: BookingRow['answers'] | undefined;
    /** The booking page's language; the invitee's emails use it. */
    locale?: string | undefined;
    idempotencyKey?: string | null;
    idempotencyRequestHash?: string | null;
    rescheduledFromId?: string | null;
    /** The meeting type requires confirmation: the booking is a request, decided by `expiresAt` at the latest. */
    request?: { expiresAt: Date } | undefined;
    /** A seat of a group event (the meeting type has seats): it may share its time with its occasion's other seats. */
    seated?: boolean;
    /** A collective booking's row for another member: it holds their time and names the invitee's (lead) booking. */
    collectiveLeadId?: string;
  },
): Promise<BookingRow> {
  const id = values.id ?? randomUUID();
  // A member's row is no invitee's to manage: its hashes match no token (the lead's links move them all).
  const tokenHash = (purpose: 'cancel' | 'reschedule') => hashToken(values.collectiveLeadId ? randomBytes(32).toString('hex') : bookingToken(id, purpose));
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
      tracking: values.tracking ?? null,
      answers: values.answers ?? null,
      locale: values.locale ?? 'en',
      bufferBeforeMinutes: values.bufferBeforeMinutes,
      bufferAfterMinutes: values.bufferAfterMinutes,
      cancelTokenHash: tokenHash('cancel'),
      rescheduleTokenHash: tokenHash('reschedule'),
      collectiveLeadId: values.collectiveLeadId ?? null,
      idempotencyKey: values.idempotencyKey ?? null,
      idempotencyRequestHash: values.idempotencyRequestHash ?? null,
      rescheduledFromId: values.rescheduledFromId ?? null,
      ...(values.request
        ? { status: 'pending' as const, approvalTokenHash: hashToken(approvalToken(id)), approvalExpiresAt: values.request.expiresAt }
        : {}),
      seated: values.seated ?? false,
    })
    .returning();
  if (!booking) throw new Error('booking insert returned no row');
  return booking;
}

/** What every booking event carries (lib/jobs/events.ts checks the shape). */
export function bookingEventPayload(booking: Pick<BookingRow, 'id' | 'hostUserId' | 'meetingTypeId' | 'startTime' | 'endTime'>) {
  return {
    bookingId: booking.id,
    hostUserId: booking.hostUserId,
    meetingTypeId: booking.meetingTypeId,
    start: booking.startTime.toISOString(),
    end: booking.endTime.toISOString(),
  };
}
