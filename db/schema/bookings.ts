import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { connectedCalendars } from './calendars';
import { createdAt, instant, updatedAt } from './columns';
import { type BookingQuestionType, meetingTypes } from './meeting-types';
import { users } from './users';

export const bookingStatuses = ['pending', 'confirmed', 'cancelled', 'rescheduled', 'declined', 'expired'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/**
 * The statuses whose booking holds its slot: a request awaiting the host's approval blocks exactly like
 * a confirmed booking. The EXCLUDE constraint bookings_no_overlap (migration 0020) lists the same two.
 */
export const slotHoldingStatuses = ['confirmed', 'pending'] as const satisfies readonly BookingStatus[];
/** `b.status in ('confirmed', 'pending')` for raw SQL, from the one list. */
export const slotHoldingStatusList = slotHoldingStatuses.map((status) => `'${status}'`).join(', ');

/** Who changed a booking (the outbox events' `cancelledBy` / `rescheduledBy`). */
export const bookingChangers = ['invitee', 'host', 'system'] as const;
export type BookingChanger = (typeof bookingChangers)[number];

export const trackingParameters = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
export type TrackingParameter = (typeof trackingParameters)[number];

/** One answer to a booking question, with the question's label and type as the invitee saw them (migration 0019). */
export interface BookingAnswer {
  questionId: string;
  label: string;
  type: BookingQuestionType;
  /** Text (short/long text, phone, single choice), the chosen options (multiple choice), ticked or not (checkbox), a number. */
  value: string | string[] | boolean | number;
}

/** Read-only: Postgres computes it; the EXCLUDE constraint and range queries use it. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingTypeId: uuid('meeting_type_id')
      .notNull()
      .references(() => meetingTypes.id, { onDelete: 'restrict' }),
    hostUserId: uuid('host_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    inviteeName: varchar('invitee_name', { length: 255 }).notNull(),
    inviteeEmail: varchar('invitee_email', { length: 255 }).notNull(),
    startTime: instant('start_time').notNull(),
    endTime: instant('end_time').notNull(),
    inviteeTimezone: varchar('invitee_timezone', { length: 64 }).notNull(),
    status: varchar('status', { length: 20 }).$type<BookingStatus>().notNull().default('confirmed'),
    cancellationReason: text('cancellation_reason'),
    notes: text('notes'),
    // utm_* parameters the booking page was opened with (embeds pass them through); keys are fixed.
    tracking: jsonb('tracking').$type<Partial<Record<TrackingParameter, string>>>(),
    // The language the invitee booked in (en, de, fr, es): their emails are written in it (migration 0017).
    locale: varchar('locale', { length: 35 }).notNull().default('en'),
    // The invitee's answers to the meeting type's questions, each with the label as asked; null when none were asked.
    answers: jsonb('answers').$type<BookingAnswer[]>(),
    version: integer('version').notNull().default(1),
    idempotencyKey: varchar('idempotency_key', { length: 255 }),
    // Hash of the request that first used the key: the same key with another body is refused.
    idempotencyRequestHash: varchar('idempotency_request_hash', { length: 64 }),
    // The meeting type's buffers at booking time, so later edits never move an existing block.
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    blockedRange: tstzrange('blocked_range').generatedAlwaysAs(
      sql`booking_blocked_range(start_time, end_time, buffer_before_minutes, buffer_after_minutes)`,
    ),
    // A seat of a group event (migration 0023): Postgres derives seat_key (meeting type + start) from it,
    // and the overlap guard lets bookings with the same key share their time.
    seated: boolean('seated').notNull().default(false),
    seatKey: text('seat_key').generatedAlwaysAs(sql`CASE WHEN seated THEN booking_seat_key(meeting_type_id, start_time) END`),
    cancelTokenHash: varchar('cancel_token_hash', { length: 64 }).notNull(),
    rescheduleTokenHash: varchar('reschedule_token_hash', { length: 64 }).notNull(),
    // A predecessor cannot vanish under its successor.
    rescheduledFromId: uuid('rescheduled_from_id').references((): AnyPgColumn => bookings.id, {
      onDelete: 'restrict',
    }),
    // The event written back to the host's calendar (lib/calendars/write-back): where, its id, its join link.
    calendarEventId: varchar('calendar_event_id', { length: 1024 }),
    calendarEventCalendarId: uuid('calendar_event_calendar_id').references((): AnyPgColumn => connectedCalendars.id, { onDelete: 'set null' }),
    calendarJoinUrl: text('calendar_join_url'),
    cancelledAt: instant('cancelled_at'),
    // Null on cancellations from before migration 0015 whose outbox event was gone.
    cancelledBy: varchar('cancelled_by', { length: 20 }).$type<BookingChanger>(),
    // The host marked that the invitee did not come (only once the meeting started; undone by clearing it).
    noShowAt: instant('no_show_at'),
    // The host asked the invitee to pick a new time; the booking stays confirmed and keeps its slot until they do.
    newTimeRequestedAt: instant('new_time_requested_at'),
    newTimeRequestMessage: text('new_time_request_message'),
    // Requires confirmation (migration 0020): the host's approve/decline link (hash only), until when the
    // request may be decided, when it was (approved, declined or expired) and the host's reason to decline.
    approvalTokenHash: varchar('approval_token_hash', { length: 64 }),
    approvalExpiresAt: instant('approval_expires_at'),
    decidedAt: instant('decided_at'),
    declineReason: text('decline_reason'),
    // A collective booking (migration 0027): the invitee's booking is the lead row; every other member
    // attending gets a row of their own naming it, so each member's time is held under bookings_no_overlap.
    collectiveLeadId: uuid('collective_lead_id').references((): AnyPgColumn => bookings.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('bookings_end_after_start', sql`${t.endTime} > ${t.startTime}`),
    check('bookings_status_valid', sql`${t.status} in ('pending', 'confirmed', 'cancelled', 'rescheduled', 'declined', 'expired')`),
    check('bookings_pending_has_approval', sql`${t.status} <> 'pending' or (${t.approvalTokenHash} is not null and ${t.approvalExpiresAt} is not null and ${t.decidedAt} is null)`),
    check('bookings_decided_when_refused', sql`${t.status} not in ('declined', 'expired') or ${t.decidedAt} is not null`),
    check('bookings_decline_reason_only_declined', sql`${t.declineReason} is null or ${t.status} = 'declined'`),
    check('bookings_buffers_non_negative', sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
    check('bookings_cancelled_at_matches_status', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    check('bookings_cancelled_by_valid', sql`${t.cancelledBy} is null or (${t.cancelledBy} in ('invitee', 'host', 'system') and ${t.status} = 'cancelled')`),
    check('bookings_no_show_only_confirmed', sql`${t.noShowAt} is null or ${t.status} = 'confirmed'`),
    check('bookings_answers_bounded', sql`${t.answers} is null or (jsonb_typeof(${t.answers}) = 'array' and jsonb_array_length(${t.answers}) <= 20)`),
    check('bookings_new_time_request_only_confirmed', sql`${t.newTimeRequestedAt} is null or ${t.status} = 'confirmed'`),
    // The host must be the meeting type's owner or a member of its team: a trigger of migration 0027
    // (bookings_host_matches_meeting_type) raises 23503 under the name bookings_meeting_type_host_fk,
    // which replaced the composite foreign key to meeting_types(id, user_id) that a team type cannot meet.
    check('bookings_collective_lead_not_self', sql`${t.collectiveLeadId} is null or ${t.collectiveLeadId} <> ${t.id}`),
    index('idx_bookings_collective_lead').on(t.collectiveLeadId).where(sql`${t.collectiveLeadId} is not null`),
    // Keys are scoped to the meeting type; lib/booking matches this name on 23505.
    uniqueIndex('idx_bookings_idempotency_key')
      .on(t.meetingTypeId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('idx_bookings_one_confirmed_successor')
      .on(t.rescheduledFromId)
      .where(sql`${t.status} = 'confirmed' and ${t.rescheduledFromId} is not null`),
    index('idx_bookings_rescheduled_from').on(t.rescheduledFromId),
    index('idx_bookings_host_time').on(t.hostUserId, t.startTime, t.endTime),
    // Recent bookings per host, counted under the host lock.
    index('idx_bookings_host_created').on(t.hostUserId, t.createdAt),
    index('idx_bookings_seat_key').on(t.seatKey).where(sql`${t.seatKey} is not null`),
    index('idx_bookings_meeting_type_time').on(t.meetingTypeId, t.startTime),
    // The inline reminder scan: confirmed bookings starting within the next day, across hosts.
    index('idx_bookings_confirmed_start').on(t.startTime).where(sql`${t.status} = 'confirmed'`),
    // The expiry sweep: requests whose time to be decided ran out.
    index('idx_bookings_pending_expiry').on(t.approvalExpiresAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** Rows past the retention window move here; no foreign keys so hosts can be deleted freely. */
export const bookingsArchive = pgTable('bookings_archive', {
  id: uuid('id').primaryKey(),
  meetingTypeId: uuid('meeting_type_id').notNull(),
  hostUserId: uuid('host_user_id').notNull(),
  inviteeName: varchar('invitee_name', { length: 255 }).notNull(),
  inviteeEmail: varchar('invitee_email', { length: 255 }).notNull(),
  startTime: instant('start_time').notNull(),
  endTime: instant('end_time').notNull(),
  inviteeTimezone: varchar('invitee_timezone', { length: 64 }).notNull(),
  status: varchar('status', { length: 20 }).notNull(),
  cancellationReason: text('cancellation_reason'),
  notes: text('notes'),
  version: integer('version').default(1),
  idempotencyKey: varchar('idempotency_key', { length: 255 }),
  bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
  bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
  rescheduledFromId: uuid('rescheduled_from_id'),
  cancelledAt: instant('cancelled_at'),
  createdAt: instant('created_at'),
  updatedAt: instant('updated_at'),
  archivedAt: instant('archived_at').notNull().defaultNow(),
});
