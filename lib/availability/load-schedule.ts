import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { slotHoldingStatusList } from '@/db/schema';
import { MS_PER_DAY, type BookedRange, type DateOverride, type ExplainInput, type Interval, type MeetingPolicy, type WeeklyRule } from '@/lib/scheduling';

// Everything the engine needs for one meeting type and range, in ONE query: the meeting type with its
// schedule's zone, weekly rules and date overrides (its own schedule, or the host's default when it has
// none), the host's slot-holding bookings (confirmed and pending, and which are seats of a group event)
// and external busy time. Row sets come
// back as JSON aggregates, which parse far faster than a thousand driver rows.

/** With `sources` (the troubleshooter): which booking or calendar each range came from. */
export type SourcedBooking = BookedRange & { bookingId?: string };
export type SourcedBusy = Interval & { calendarId?: string | null };

export interface MeetingTypeSchedule {
  hostUserId: string;
  /** The zone of the meeting type's schedule, which its weekly hours and overrides are read in. */
  timeZone: string;
  isActive: boolean;
  /** Requires confirmation: a booking is a pending request, declined on its own after this many hours (null: at the start). */
  approval: { requiresConfirmation: boolean; autoDeclineAfterHours: number | null };
  policy: MeetingPolicy;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  bookings: SourcedBooking[];
  busy: SourcedBusy[];
}

/** Host-local dates sit up to ~14 h either side of UTC and daily limits count whole local days: pad 2 days. */
const paddingMs = 2 * MS_PER_DAY;
const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);

type BookingTuple = [start: number, end: number, bufferBefore: number, bufferAfter: number, sameMeetingType: boolean, seated: boolean, bookingId?: string];

/**
 * Stands for "some other meeting type of this host": the engine compares a booking's meeting type only
 * with the one being scheduled (daily limits), so the query sends a flag instead of a thousand uuids.
 */
const OTHER_MEETING_TYPE = 'other-meeting-type';
type BusyTuple = [start: number, end: number, calendarId?: string | null];

interface ScheduleRow extends Record<string, unknown> {
  host_user_id: string;
  time_zone: string;
  is_active: boolean;
  duration_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  slot_interval_minutes: number | null;
  min_notice_minutes: number;
  max_days_in_future: number;
  max_bookings_per_day: number | null;
  requires_confirmation: boolean;
  auto_decline_after_hours: number | null;
  seats_per_slot: number | null;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  bookings: BookingTuple[];
  busy: BusyTuple[];
}

/**
 * Null when the meeting type does not exist. `sources` adds each booking's id and each busy range's
 * calendar to the same query, for the troubleshooter; availability and booking leave it off.
 */
export async function loadMeetingTypeSchedule(
  database: Queryable,
  meetingTypeId: string,
  range: Interval,
  options: { sources?: boolean } = {},
): Promise<MeetingTypeSchedule | null> {
  const bookingSource = options.sources ? sql`, b.id` : sql``;
  const busySource = options.sources ? sql`, e.calendar_id` : sql``;
  const from = new Date(range.start - paddingMs).toISOString();
  const to = new Date(range.end + paddingMs).toISOString();
  // date_part is float8 arithmetic; extract() would be numeric, markedly slower over a thousand rows.
  const epochMs = (column: string) => sql.raw(`date_part('epoch', ${column}) * 1000`);
  const rows = await database.execute<ScheduleRow>(sql`
    select mt.user_id as host_user_id, s.time_zone, (mt.is_active and mt.deleted_at is null and u.email_verified is not null) as is_active, mt.duration_minutes,
           mt.buffer_before_minutes, mt.buffer_after_minutes, mt.slot_interval_minutes,
           mt.min_notice_minutes, mt.max_days_in_future, mt.max_bookings_per_day, mt.seats_per_slot,
           mt.requires_confirmation, mt.auto_decline_after_hours,
           coalesce((
             select json_agg(json_build_object(
               'dayOfWeek', r.day_of_week,
               'startTime', to_char(r.start_time, 'HH24:MI:SS'),
               'endTime', to_char(r.end_time, 'HH24:MI:SS')))
             from availability_rules r
             where r.schedule_id = s.id and r.is_active
           ), '[]'::json) as rules,
           coalesce((
             select json_agg(json_build_object(
               'date', to_char(o.date, 'YYYY-MM-DD'),
               'startTime', to_char(o.start_time, 'HH24:MI:SS'),
               'endTime', to_char(o.end_time, 'HH24:MI:SS')))
             from availability_overrides o
             where o.schedule_id = s.id
               and o.date between ${isoDate(range.start - paddingMs)}::date and ${isoDate(range.end + paddingMs)}::date
           ), '[]'::json) as overrides,
           coalesce((
             select json_agg(json_build_array(${epochMs('b.start_time')}, ${epochMs('b.end_time')},
                                              b.buffer_before_minutes, b.buffer_after_minutes,
                                              b.meeting_type_id = mt.id, b.seated${bookingSource}))
             from bookings b
             where b.host_user_id = mt.user_id and b.status in (${sql.raw(slotHoldingStatusList)})
               and b.blocked_range && tstzrange(${from}::timestamptz, ${to}::timestamptz)
           ), '[]'::json) as bookings,
           coalesce((
             select json_agg(json_build_array(${epochMs('e.start_time')}, ${epochMs('e.end_time')}${busySource}))
             from external_busy e
             where e.user_id = mt.user_id and e.start_time < ${to}::timestamptz and e.end_time > ${from}::timestamptz
           ), '[]'::json) as busy
    from meeting_types mt
    join users u on u.id = mt.user_id
    join schedules s on s.user_id = mt.user_id and (s.id = mt.schedule_id or (mt.schedule_id is null and s.is_default))
    where mt.id = ${meetingTypeId}`);
  const row = rows[0];
  if (!row) return null;
  return {
    hostUserId: row.host_user_id,
    timeZone: row.time_zone,
    isActive: row.is_active,
    approval: { requiresConfirmation: row.requires_confirmation, autoDeclineAfterHours: row.auto_decline_after_hours },
    policy: { ...meetingPolicyOf(row, meetingTypeId), seatsPerSlot: row.seats_per_slot },
    rules: row.rules,
    overrides: row.overrides,
    // Rounded: float8 seconds × 1000 can land a hair off a whole millisecond.
    bookings: options.sources
      ? row.bookings.map((tuple) => ({ ...bookedRange(tuple, meetingTypeId), bookingId: tuple[6] }))
      : row.bookings.map((tuple) => bookedRange(tuple, meetingTypeId)),
    busy: options.sources
      ? row.busy.map(([start, end, calendarId]) => ({ start: Math.round(start), end: Math.round(end), calendarId }))
      : row.busy.map(([start, end]) => ({ start: Math.round(start), end: Math.round(end) })),
  };
}

/** The policy columns both schedule loaders select, as the engine's policy. */
export type PolicyColumns = Pick<ScheduleRow, 'duration_minutes' | 'buffer_before_minutes' | 'buffer_after_minutes' | 'slot_interval_minutes' | 'min_notice_minutes' | 'max_days_in_future' | 'max_bookings_per_day'>;

export function meetingPolicyOf(row: PolicyColumns, meetingTypeId: string): MeetingPolicy {
  return {
    id: meetingTypeId,
    durationMinutes: row.duration_minutes,
    bufferBeforeMinutes: row.buffer_before_minutes,
    bufferAfterMinutes: row.buffer_after_minutes,
    slotIntervalMinutes: row.slot_interval_minutes,
    minNoticeMinutes: row.min_notice_minutes,
    maxDaysInFuture: row.max_days_in_future,
    maxBookingsPerDay: row.max_bookings_per_day,
  };
}

function bookedRange([start, end, bufferBeforeMinutes, bufferAfterMinutes, sameMeetingType, seated]: BookingTuple, meetingTypeId: string): BookedRange {
  const booked = { start: Math.round(start), end: Math.round(end), bufferBeforeMinutes, bufferAfterMinutes, meetingTypeId: sameMeetingType ? meetingTypeId : OTHER_MEETING_TYPE };
  // Only seats are marked, so an ordinary booking's range keeps its old shape (and its cache bytes).
  return seated ? { ...booked, seated } : booked;
}

/** The engine's input from a loaded schedule: what was offered and what is enforced read the same data. */
export function scheduleInput(schedule: MeetingTypeSchedule, meetingType: MeetingPolicy, now: number): ExplainInput<SourcedBusy, SourcedBooking> {
  return {
    timeZone: schedule.timeZone,
    rules: schedule.rules,
    overrides: schedule.overrides,
    busy: schedule.busy,
    bookings: schedule.bookings,
    meetingType,
    now,
  };
}
