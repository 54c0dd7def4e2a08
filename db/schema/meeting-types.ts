import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { schedules } from './availability';
import { createdAt, instant, updatedAt } from './columns';
import { teamMembers, teams } from './teams';
import { users } from './users';

/** The kinds of booking question a host may ask (migration 0019); lib/hosts/meeting-types/booking-questions.ts owns the shape. */
export const bookingQuestionTypes = ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'checkbox', 'phone', 'number'] as const;
export type BookingQuestionType = (typeof bookingQuestionTypes)[number];

/** How a team's meeting type is scheduled (migration 0027): one free member is assigned, or every member attends. */
export const schedulingTypes = ['round_robin', 'collective'] as const;
export type SchedulingType = (typeof schedulingTypes)[number];

export const meetingTypes = pgTable(
  'meeting_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The host who owns it; null for a team's meeting type (exactly one of user_id and team_id is set).
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    // Set exactly on team meeting types.
    schedulingType: varchar('scheduling_type', { length: 20 }).$type<SchedulingType>(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 255 }).notNull(),
    description: text('description'),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    maxBookingsPerDay: integer('max_bookings_per_day'),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(0),
    maxDaysInFuture: integer('max_days_in_future').notNull().default(60),
    // Null means the default grid of 15 minutes.
    slotIntervalMinutes: integer('slot_interval_minutes'),
    location: text('location'),
    // Ask the host's calendar for a video link (Google Meet / Teams) when the event is written back.
    addVideoLink: boolean('add_video_link').notNull().default(false),
    color: varchar('color', { length: 7 }).default('#3B82F6'),
    isActive: boolean('is_active').notNull().default(true),
    // Secret: bookable by its URL (or a one-time link), never listed on the host's page (migration 0021).
    isSecret: boolean('is_secret').notNull().default(false),
    // Invitees may cancel or reschedule until this long before the start (hosts always may).
    minChangeNoticeMinutes: integer('min_change_notice_minutes').notNull().default(0),
    // How invitees reach the host once online changes are closed ("Call 020 7946 0000"); optional.
    contactLine: varchar('contact_line', { length: 200 }),
    // The questions invitees answer when booking, in order (at most 20); validated by zod on write and on read.
    bookingQuestions: jsonb('booking_questions').$type<unknown[]>().notNull().default([]),
    // Whose hours it offers; null follows the host's default schedule (so "set default" moves it too).
    scheduleId: uuid('schedule_id'),
    // Each booking is a request the host approves or declines (migration 0020); unanswered, it is
    // declined automatically after this many hours (null: when the meeting would start).
    requiresConfirmation: boolean('requires_confirmation').notNull().default(false),
    autoDeclineAfterHours: integer('auto_decline_after_hours'),
    // A group event: up to this many invitees per start time, each with their own booking (null: one invitee).
    seatsPerSlot: integer('seats_per_slot'),
    // Deleting a meeting type keeps its bookings: the row stays, hidden, and its slug is free again.
    deletedAt: instant('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_types_user_id_slug_unique').on(t.userId, t.slug).where(sql`${t.deletedAt} is null`),
    // Target of bookings' (meeting_type_id, host_user_id) foreign key.
    unique('meeting_types_id_user_id_unique').on(t.id, t.userId),
    check('meeting_types_duration_positive', sql`${t.durationMinutes} between 1 and 1440`),
    check('meeting_types_buffers_non_negative', sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
    check('meeting_types_notice_non_negative', sql`${t.minNoticeMinutes} >= 0`),
    check('meeting_types_window_positive', sql`${t.maxDaysInFuture} between 1 and 730`),
    check('meeting_types_interval_positive', sql`${t.slotIntervalMinutes} is null or ${t.slotIntervalMinutes} between 1 and 1440`),
    check('meeting_types_change_notice_range', sql`${t.minChangeNoticeMinutes} between 0 and 525600`),
    foreignKey({ name: 'meeting_types_schedule_fk', columns: [t.scheduleId, t.userId], foreignColumns: [schedules.id, schedules.userId] }),
    index('idx_meeting_types_schedule').on(t.scheduleId).where(sql`${t.scheduleId} is not null`),
    check('meeting_types_auto_decline_range', sql`${t.autoDeclineAfterHours} is null or ${t.autoDeclineAfterHours} between 1 and 720`),
    check('meeting_types_seats_per_slot_range', sql`${t.seatsPerSlot} is null or ${t.seatsPerSlot} between 2 and 1000`),
    check('meeting_types_daily_limit_positive', sql`${t.maxBookingsPerDay} is null or ${t.maxBookingsPerDay} > 0`),
    check('meeting_types_owner_xor_team', sql`(${t.userId} is null) <> (${t.teamId} is null)`),
    check(
      'meeting_types_scheduling_type_valid',
      sql`(${t.teamId} is null and ${t.schedulingType} is null) or (${t.teamId} is not null and ${t.schedulingType} in ('round_robin', 'collective'))`,
    ),
    // Members' own default schedules give a team type its hours; seats and approval are single-host features for now.
    check(
      'meeting_types_team_type_single_host_features',
      sql`${t.teamId} is null or (${t.scheduleId} is null and ${t.seatsPerSlot} is null and not ${t.requiresConfirmation})`,
    ),
    // Target of meeting_type_hosts' (meeting_type_id, team_id) foreign key.
    unique('meeting_types_id_team_id_unique').on(t.id, t.teamId),
    uniqueIndex('meeting_types_team_id_slug_unique')
      .on(t.teamId, t.slug)
      .where(sql`${t.deletedAt} is null and ${t.teamId} is not null`),
    check('meeting_types_booking_questions_bounded', sql`jsonb_typeof(${t.bookingQuestions}) = 'array' and jsonb_array_length(${t.bookingQuestions}) <= 20`),
  ],
);

/**
 * The members a team meeting type can be booked with (migration 0027). Removing a member from the team
 * removes them here. Weight: their share of round-robin bookings; priority: 0 (lowest) to 4 (highest).
 */
export const meetingTypeHosts = pgTable(
  'meeting_type_hosts',
  {
    meetingTypeId: uuid('meeting_type_id').notNull(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    weight: integer('weight').notNull().default(100),
    priority: integer('priority').notNull().default(2),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'meeting_type_hosts_pk', columns: [t.meetingTypeId, t.userId] }),
    foreignKey({
      name: 'meeting_type_hosts_meeting_type_fk',
      columns: [t.meetingTypeId, t.teamId],
      foreignColumns: [meetingTypes.id, meetingTypes.teamId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'meeting_type_hosts_member_fk',
      columns: [t.teamId, t.userId],
      foreignColumns: [teamMembers.teamId, teamMembers.userId],
    }).onDelete('cascade'),
    check('meeting_type_hosts_weight_range', sql`${t.weight} between 0 and 1000`),
    check('meeting_type_hosts_priority_range', sql`${t.priority} between 0 and 4`),
    index('idx_meeting_type_hosts_user').on(t.userId),
  ],
);
