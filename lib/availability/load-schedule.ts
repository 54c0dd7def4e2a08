import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { BookedRange, DateOverride, Interval, MeetingPolicy, WeeklyRule } from '@/lib/scheduling';

// Everything the engine needs, in two queries: the meeting type with its host's zone, rules and
// overrides; then the host's bookings and external busy time for the range.

export interface MeetingTypeSchedule {
  hostUserId: string;
  hostTimeZone: string;
  isActive: boolean;
  policy: MeetingPolicy;
  rules: WeeklyRule[];
  overrides: DateOverride[];
}

const DAY_MS = 86_400_000;
/** Host-local dates can sit up to ~14 h either side of UTC; two days covers every zone. */
const datePaddingMs = 2 * DAY_MS;
const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);

interface MeetingTypeRow extends Record<string, unknown> {
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
  rules: WeeklyRule[];
  overrides: DateOverride[];
}

/** Query 1. Null when the meeting type does not exist. */
export async function loadMeetingTypeSchedule(
  database: Queryable,
  meetingTypeId: string,
  range: Interval,
): Promise<MeetingTypeSchedule | null> {
  const rows = await database.execute<MeetingTypeRow>(sql`
    select mt.user_id as host_user_id, u.time_zone, mt.is_active, mt.duration_minutes,
           mt.buffer_before_minutes, mt.buffer_after_minutes, mt.slot_interval_minutes,
           mt.min_notice_minutes, mt.max_days_in_future, mt.max_bookings_per_day,
           coalesce((
             select json_agg(json_build_object(
               'dayOfWeek', r.day_of_week,
               'startTime', to_char(r.start_time, 'HH24:MI:SS'),
               'endTime', to_char(r.end_time, 'HH24:MI:SS')))
             from availability_rules r
             where r.user_id = mt.user_id and r.is_active
           ), '[]'::json) as rules,
           coalesce((
             select json_agg(json_build_object(
               'date', to_char(o.date, 'YYYY-MM-DD'),
               'startTime', to_char(o.start_time, 'HH24:MI:SS'),
               'endTime', to_char(o.end_time, 'HH24:MI:SS')))
             from availability_overrides o
             where o.user_id = mt.user_id
               and o.date between ${isoDate(range.start - datePaddingMs)}::date and ${isoDate(range.end + datePaddingMs)}::date
           ), '[]'::json) as overrides
    from meeting_types mt
    join users u on u.id = mt.user_id
    where mt.id = ${meetingTypeId}`);
  const row = rows[0];
  if (!row) return null;
  return {
    hostUserId: row.host_user_id,
    hostTimeZone: row.time_zone,
    isActive: row.is_active,
    policy: {
      id: meetingTypeId,
      durationMinutes: row.duration_minutes,
      bufferBeforeMinutes: row.buffer_before_minutes,
      bufferAfterMinutes: row.buffer_after_minutes,
      slotIntervalMinutes: row.slot_interval_minutes,
      minNoticeMinutes: row.min_notice_minutes,
      maxDaysInFuture: row.max_days_in_future,
      maxBookingsPerDay: row.max_bookings_per_day,
    },
    rules: row.rules,
    overrides: row.overrides,
  };
}

interface BusyRow extends Record<string, unknown> {
  start_ms: string;
  end_ms: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  meeting_type_id: string | null;
}

export interface HostBusyTime {
  bookings: BookedRange[];
  busy: Interval[];
}

/**
 * Query 2: confirmed bookings whose blocked range (or whose host-local day, for daily limits) touches
 * the padded range, and external busy time overlapping it.
 */
export async function loadHostBusyTime(database: Queryable, hostUserId: string, range: Interval): Promise<HostBusyTime> {
  const from = new Date(range.start - datePaddingMs).toISOString();
  const to = new Date(range.end + datePaddingMs).toISOString();
  const rows = await database.execute<BusyRow>(sql`
    select (extract(epoch from b.start_time) * 1000)::bigint as start_ms,
           (extract(epoch from b.end_time) * 1000)::bigint as end_ms,
           b.buffer_before_minutes, b.buffer_after_minutes, b.meeting_type_id
    from bookings b
    where b.host_user_id = ${hostUserId} and b.status = 'confirmed'
      and b.blocked_range && tstzrange(${from}::timestamptz, ${to}::timestamptz)
    union all
    select (extract(epoch from e.start_time) * 1000)::bigint, (extract(epoch from e.end_time) * 1000)::bigint,
           0, 0, null
    from external_busy e
    where e.user_id = ${hostUserId} and e.start_time < ${to}::timestamptz and e.end_time > ${from}::timestamptz`);
  const result: HostBusyTime = { bookings: [], busy: [] };
  for (const row of rows) {
    const start = Number(row.start_ms);
    const end = Number(row.end_ms);
    if (row.meeting_type_id === null) result.busy.push({ start, end });
    else
      result.bookings.push({
        start,
        end,
        bufferBeforeMinutes: row.buffer_before_minutes,
        bufferAfterMinutes: row.buffer_after_minutes,
        meetingTypeId: row.meeting_type_id,
      });
  }
  return result;
}
