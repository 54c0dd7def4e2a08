import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { slotHoldingStatusList, type SchedulingType } from '@/db/schema';
import { meetingPolicyOf, type PolicyColumns } from './load-schedule';
import { type BookedRange, type DateOverride, type Interval, type MeetingPolicy, MS_PER_DAY, type ScheduleInput, type WeeklyRule } from '@/lib/scheduling';

// Everything the engine needs for a team meeting type and range, in ONE query however many members:
// the type's policy, and per chosen member (`= ANY($ids)`) their default schedule's zone, weekly rules
// and overrides, their slot-holding bookings and their external busy time, as JSON aggregates grouped
// per member. Never a query per member (cal.com#21103 is what that costs).

export interface TeamMemberSchedule {
  userId: string;
  timeZone: string;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  bookings: BookedRange[];
  busy: Interval[];
}

export interface TeamTypeSchedule {
  teamId: string;
  mode: SchedulingType;
  isActive: boolean;
  policy: MeetingPolicy;
  /** In the order of the ids asked for; a member without a default schedule has no hours. */
  members: TeamMemberSchedule[];
}

const paddingMs = 2 * MS_PER_DAY;
const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);
const OTHER_MEETING_TYPE = 'other-meeting-type';

interface TeamRow extends PolicyColumns, Record<string, unknown> {
  team_id: string | null;
  scheduling_type: SchedulingType | null;
  is_active: boolean;
  members: Array<{
    userId: string;
    timeZone: string;
    rules: WeeklyRule[];
    overrides: DateOverride[];
    bookings: Array<[start: number, end: number, bufferBefore: number, bufferAfter: number, sameMeetingType: boolean]>;
    busy: Array<[start: number, end: number]>;
  }>;
}

/** Null when the meeting type is unknown or not a team's. `memberIds` are the head's chosen members. */
export async function loadTeamTypeSchedule(database: Queryable, meetingTypeId: string, memberIds: readonly string[], range: Interval): Promise<TeamTypeSchedule | null> {
  const from = new Date(range.start - paddingMs).toISOString();
  const to = new Date(range.end + paddingMs).toISOString();
  const epochMs = (column: string) => sql.raw(`date_part('epoch', ${column}) * 1000`);
  const ids = `{${memberIds.join(',')}}`;
  const rows = await database.execute<TeamRow>(sql`
    select mt.team_id, mt.scheduling_type, (mt.is_active and mt.deleted_at is null) as is_active,
           mt.duration_minutes, mt.buffer_before_minutes, mt.buffer_after_minutes, mt.slot_interval_minutes,
           mt.min_notice_minutes, mt.max_days_in_future, mt.max_bookings_per_day,
           coalesce((
             select json_agg(json_build_object(
               'userId', u.id,
               'timeZone', coalesce(s.time_zone, u.time_zone),
               'rules', coalesce((
                 select json_agg(json_build_object('dayOfWeek', r.day_of_week,
                   'startTime', to_char(r.start_time, 'HH24:MI:SS'), 'endTime', to_char(r.end_time, 'HH24:MI:SS')))
                 from availability_rules r where r.schedule_id = s.id and r.is_active), '[]'::json),
               'overrides', coalesce((
                 select json_agg(json_build_object('date', to_char(o.date, 'YYYY-MM-DD'),
                   'startTime', to_char(o.start_time, 'HH24:MI:SS'), 'endTime', to_char(o.end_time, 'HH24:MI:SS')))
                 from availability_overrides o where o.schedule_id = s.id
                   and o.date between ${isoDate(range.start - paddingMs)}::date and ${isoDate(range.end + paddingMs)}::date), '[]'::json),
               'bookings', coalesce((
                 select json_agg(json_build_array(${epochMs('b.start_time')}, ${epochMs('b.end_time')},
                                                  b.buffer_before_minutes, b.buffer_after_minutes, b.meeting_type_id = mt.id))
                 from bookings b
                 where b.host_user_id = u.id and b.status in (${sql.raw(slotHoldingStatusList)})
                   and b.blocked_range && tstzrange(${from}::timestamptz, ${to}::timestamptz)), '[]'::json),
               'busy', coalesce((
                 select json_agg(json_build_array(${epochMs('e.start_time')}, ${epochMs('e.end_time')}))
                 from external_busy e
                 where e.user_id = u.id and e.start_time < ${to}::timestamptz and e.end_time > ${from}::timestamptz), '[]'::json)
             ) order by u.id)
             from users u
             left join schedules s on s.user_id = u.id and s.is_default
             where u.id = any(${ids}::uuid[])
           ), '[]'::json) as members
    from meeting_types mt
    where mt.id = ${meetingTypeId}`);
  const row = rows[0];
  if (!row || !row.team_id || !row.scheduling_type) return null;
  const byId = new Map(row.members.map((member) => [member.userId, member]));
  return {
    teamId: row.team_id,
    mode: row.scheduling_type,
    isActive: row.is_active,
    policy: meetingPolicyOf(row, meetingTypeId),
    members: memberIds.flatMap((userId) => {
      const member = byId.get(userId);
      if (!member) return [];
      return [
        {
          userId,
          timeZone: member.timeZone,
          rules: member.rules,
          overrides: member.overrides,
          // Rounded: float8 seconds × 1000 can land a hair off a whole millisecond.
          bookings: member.bookings.map(([start, end, bufferBeforeMinutes, bufferAfterMinutes, same]) => ({
            start: Math.round(start),
            end: Math.round(end),
            bufferBeforeMinutes,
            bufferAfterMinutes,
            meetingTypeId: same ? meetingTypeId : OTHER_MEETING_TYPE,
          })),
          busy: member.busy.map(([start, end]) => ({ start: Math.round(start), end: Math.round(end) })),
        },
      ];
    }),
  };
}

/** Each member's engine input: the team type's policy over that member's own hours, bookings and busy time. */
export function teamMemberInputs(schedule: TeamTypeSchedule, meetingType: MeetingPolicy, now: number): ScheduleInput[] {
  return schedule.members.map((member) => ({
    timeZone: member.timeZone,
    rules: member.rules,
    overrides: member.overrides,
    busy: member.busy,
    bookings: member.bookings,
    meetingType,
    now,
  }));
}
