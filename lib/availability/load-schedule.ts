import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { prebuiltSql } from '@/db/prebuilt';
import { slotHoldingStatusList } from '@/db/schema';
import { MS_PER_DAY, type BookedRange, type DateOverride, type ExplainInput, type Interval, type MeetingPolicy, type WeeklyRule } from '@/lib/scheduling';

// Everything the engine needs for one meeting type and range, in ONE query: the meeting type with its
// schedule's zone, weekly rules and date overrides (its own schedule, or the host's default when it has
// none), the host's slot-holding bookings (confirmed and pending, and which are seats of a group event)
// and external busy time. Rules and overrides come back as JSON aggregates, which parse far faster
// than driver rows. Bookings and busy time, the large sets, come back as one bytea each: their numbers
// as big-endian float8 (`float8send`), read with a DataView, so no JSON text is parsed and no array is
// built per row. Both are ordered by (blocked) start, which lets the engine merge them without a sort.

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

/** Per booking: start, end (epoch ms), buffer before, after (minutes), same meeting type (0/1), seated (0/1). */
const BOOKING_NUMBERS = 6;
/** Per busy range: start, end (epoch ms). */
const BUSY_NUMBERS = 2;
const FLOAT8_BYTES = 8;

/**
 * Stands for "some other meeting type of this host": the engine compares a booking's meeting type only
 * with the one being scheduled (daily limits), so the query sends a flag instead of a thousand uuids.
 */
const OTHER_MEETING_TYPE = 'other-meeting-type';

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
  /** BOOKING_NUMBERS float8 per booking, ascending by blocked start. */
  bookings: Uint8Array;
  /** BUSY_NUMBERS float8 per range, ascending by start. */
  busy: Uint8Array;
  /** With `sources`, in the same order as the numbers. */
  booking_ids?: string[] | null;
  calendar_ids?: (string | null)[] | null;
}

/** The statement's text is the same for every meeting type and range: built once per variant (db/prebuilt.ts). */
const scheduleQueries = new Map<string, (database: Queryable, values: Record<string, unknown>) => Promise<ScheduleRow[]>>();

function scheduleQuery(member: boolean, sources: boolean) {
  const key = `${member}:${sources}`;
  let query = scheduleQueries.get(key);
  if (!query) {
    // A team type has no owning user: `member` names whose hours, bookings and busy time to read (one member's view, for booking).
    const host = member ? sql`coalesce(mt.user_id, ${sql.placeholder('member')}::uuid)` : sql`mt.user_id`;
    query = prebuiltSql<Record<string, unknown>, ScheduleRow>(
      () => sql`
    select ${host} as host_user_id, s.time_zone, (mt.is_active and mt.deleted_at is null and u.email_verified is not null) as is_active, mt.duration_minutes,
           mt.buffer_before_minutes, mt.buffer_after_minutes, mt.slot_interval_minutes,
           mt.min_notice_minutes, mt.max_days_in_future, mt.max_bookings_per_day, mt.seats_per_slot,
           mt.requires_confirmation, mt.auto_decline_after_hours,
           ${hostScheduleColumns(host, placeholderBounds, sources)}
    from meeting_types mt
    join users u on u.id = ${host}
    join schedules s on s.user_id = ${host} and (s.id = mt.schedule_id or (mt.schedule_id is null and s.is_default))
    where mt.id = ${sql.placeholder('meetingTypeId')}`,
    );
    scheduleQueries.set(key, query);
  }
  return query;
}

/**
 * Null when the meeting type does not exist. `sources` adds each booking's id and each busy range's
 * calendar to the same query, for the troubleshooter; availability and booking leave it off.
 */
export async function loadMeetingTypeSchedule(
  database: Queryable,
  meetingTypeId: string,
  range: Interval,
  options: { sources?: boolean; member?: string } = {},
): Promise<MeetingTypeSchedule | null> {
  const query = scheduleQuery(options.member !== undefined, options.sources ?? false);
  const rows = await query(database, { meetingTypeId, ...(options.member === undefined ? {} : { member: options.member }), ...scheduleBounds(range) });
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
    bookings: readBookings(row.bookings, meetingTypeId, row.booking_ids ?? undefined),
    busy: readBusy(row.busy, row.calendar_ids ?? undefined),
  };
}

/** The range's edges as the schedule query compares them: padded instants (ISO) and the padded dates of overrides. */
export interface ScheduleBounds {
  from: unknown;
  to: unknown;
  fromDate: unknown;
  toDate: unknown;
}

export function scheduleBounds(range: Interval): ScheduleBounds {
  return {
    from: new Date(range.start - paddingMs).toISOString(),
    to: new Date(range.end + paddingMs).toISOString(),
    fromDate: isoDate(range.start - paddingMs),
    toDate: isoDate(range.end + paddingMs),
  };
}

/** The same edges as placeholders, for the statement built once. */
const placeholderBounds: ScheduleBounds = { from: sql.placeholder('from'), to: sql.placeholder('to'), fromDate: sql.placeholder('fromDate'), toDate: sql.placeholder('toDate') };

/**
 * The columns a host's engine input needs, for a query with `mt` (the meeting type) and `s` (the
 * schedule whose hours apply) in scope: rules and overrides as JSON, and the host's slot-holding bookings
 * and busy time as float8 bytea (read by readBookings / readBusy). Both loaders select them, the team's
 * once per member row. `sources` adds which booking or calendar each range came from.
 */
export function hostScheduleColumns(host: SQL, bounds: ScheduleBounds, sources = false): SQL {
  const { from, to, fromDate, toDate } = bounds;
  // date_part is float8 arithmetic; extract() would be numeric, markedly slower over a thousand rows.
  const epochMs = (column: string) => sql.raw(`float8send(date_part('epoch', ${column}) * 1000)`);
  const float8 = (expression: string) => sql.raw(`float8send((${expression})::float8)`);
  const bookingsOfRange = sql`from bookings b
             where b.host_user_id = ${host} and b.status in (${sql.raw(slotHoldingStatusList)})
               and b.blocked_range && tstzrange(${from}::timestamptz, ${to}::timestamptz)`;
  const busyOfRange = sql`from external_busy e
             where e.user_id = ${host} and e.start_time < ${to}::timestamptz and e.end_time > ${from}::timestamptz`;
  // Ties broken by id, so the sources' aggregates list rows in the numbers' order.
  const bookingOrder = sql.raw('order by lower(b.blocked_range), b.id');
  const busyOrder = sql.raw('order by e.start_time, e.id');
  const sourceColumns = sources
    ? sql`, (select json_agg(b.id ${bookingOrder}) ${bookingsOfRange}) as booking_ids,
           (select json_agg(e.calendar_id ${busyOrder}) ${busyOfRange}) as calendar_ids`
    : sql``;
  return sql`coalesce((
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
               and o.date between ${fromDate}::date and ${toDate}::date
           ), '[]'::json) as overrides,
           coalesce((
             select string_agg(${epochMs('b.start_time')} || ${epochMs('b.end_time')}
                               || ${float8('b.buffer_before_minutes')} || ${float8('b.buffer_after_minutes')}
                               || ${float8('(b.meeting_type_id = mt.id)::int')} || ${float8('b.seated::int')}, ''::bytea ${bookingOrder})
             ${bookingsOfRange}
           ), ''::bytea) as bookings,
           coalesce((
             select string_agg(${epochMs('e.start_time')} || ${epochMs('e.end_time')}, ''::bytea ${busyOrder})
             ${busyOfRange}
           ), ''::bytea) as busy${sourceColumns}`;
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

const float8Reader = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

// Rounded: float8 seconds × 1000 can land a hair off a whole millisecond.

export function readBookings(bytes: Uint8Array, meetingTypeId: string, ids: string[] | undefined): SourcedBooking[] {
  const view = float8Reader(bytes);
  const stride = BOOKING_NUMBERS * FLOAT8_BYTES;
  const count = bytes.byteLength / stride;
  const bookings: SourcedBooking[] = [];
  for (let i = 0, at = 0; i < count; i++, at += stride) {
    const booked: SourcedBooking = {
      start: Math.round(view.getFloat64(at)),
      end: Math.round(view.getFloat64(at + 8)),
      bufferBeforeMinutes: view.getFloat64(at + 16),
      bufferAfterMinutes: view.getFloat64(at + 24),
      meetingTypeId: view.getFloat64(at + 32) === 1 ? meetingTypeId : OTHER_MEETING_TYPE,
    };
    // Only seats are marked, so an ordinary booking's range keeps its old shape (and its cache bytes).
    if (view.getFloat64(at + 40) === 1) booked.seated = true;
    if (ids) booked.bookingId = ids[i];
    bookings.push(booked);
  }
  return bookings;
}

export function readBusy(bytes: Uint8Array, calendarIds: (string | null)[] | undefined): SourcedBusy[] {
  const view = float8Reader(bytes);
  const stride = BUSY_NUMBERS * FLOAT8_BYTES;
  const count = bytes.byteLength / stride;
  const busy: SourcedBusy[] = [];
  for (let i = 0, at = 0; i < count; i++, at += stride) {
    const start = Math.round(view.getFloat64(at));
    const end = Math.round(view.getFloat64(at + 8));
    busy.push(calendarIds ? { start, end, calendarId: calendarIds[i] ?? null } : { start, end });
  }
  return busy;
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
