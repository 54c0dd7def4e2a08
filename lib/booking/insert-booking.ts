import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { prebuilt } from '@/db/prebuilt';
import { bookings } from '@/db/schema';
import { hashToken } from '@/lib/secrets/token-hash';
import { approvalToken } from './approval-links';
import { bookingToken } from './tokens';

export type BookingRow = typeof bookings.$inferSelect;

/** As the driver takes it: JSON text or null (a column's encoder would store null as JSON null). */
const driverValue = (name: string) => sql`${sql.placeholder(name)}`;

/** The booking insert, built once (db/prebuilt.ts): drizzle building it, every column returned, cost 0.1–0.3 ms a booking. */
const insertBooking = prebuilt<Record<string, unknown>, BookingRow[]>('insert_booking', (database) =>
  database
    .insert(bookings)
    .values({
      id: sql.placeholder('id'),
      meetingTypeId: sql.placeholder('meetingTypeId'),
      hostUserId: sql.placeholder('hostUserId'),
      inviteeName: sql.placeholder('inviteeName'),
      inviteeEmail: sql.placeholder('inviteeEmail'),
      inviteeTimezone: sql.placeholder('inviteeTimezone'),
      startTime: sql.placeholder('startTime'),
      endTime: sql.placeholder('endTime'),
      notes: sql.placeholder('notes'),
      tracking: driverValue('tracking'),
      answers: driverValue('answers'),
      locale: sql.placeholder('locale'),
      bufferBeforeMinutes: sql.placeholder('bufferBeforeMinutes'),
      bufferAfterMinutes: sql.placeholder('bufferAfterMinutes'),
      cancelTokenHash: sql.placeholder('cancelTokenHash'),
      rescheduleTokenHash: sql.placeholder('rescheduleTokenHash'),
      collectiveLeadId: sql.placeholder('collectiveLeadId'),
      idempotencyKey: sql.placeholder('idempotencyKey'),
      idempotencyRequestHash: sql.placeholder('idempotencyRequestHash'),
      rescheduledFromId: sql.placeholder('rescheduledFromId'),
      status: sql.placeholder('status'),
      approvalTokenHash: sql.placeholder('approvalTokenHash'),
      approvalExpiresAt: driverValue('approvalExpiresAt'),
      seated: sql.placeholder('seated'),
    })
    .returning(),
);

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
  const [booking] = await insertBooking(tx, {
    id,
    meetingTypeId: values.meetingTypeId,
    hostUserId: values.hostUserId,
    inviteeName: values.name,
    inviteeEmail: values.email,
    inviteeTimezone: values.timezone,
    startTime: new Date(values.slot.start),
    endTime: new Date(values.slot.end),
    notes: values.notes ?? null,
    tracking: values.tracking ? JSON.stringify(values.tracking) : null,
    answers: values.answers ? JSON.stringify(values.answers) : null,
    locale: values.locale ?? 'en',
    bufferBeforeMinutes: values.bufferBeforeMinutes,
    bufferAfterMinutes: values.bufferAfterMinutes,
    cancelTokenHash: tokenHash('cancel'),
    rescheduleTokenHash: tokenHash('reschedule'),
    collectiveLeadId: values.collectiveLeadId ?? null,
    idempotencyKey: values.idempotencyKey ?? null,
    idempotencyRequestHash: values.idempotencyRequestHash ?? null,
    rescheduledFromId: values.rescheduledFromId ?? null,
    status: values.request ? 'pending' : 'confirmed',
    approvalTokenHash: values.request ? hashToken(approvalToken(id)) : null,
    approvalExpiresAt: values.request ? values.request.expiresAt.toISOString() : null,
    seated: values.seated ?? false,
  });
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
