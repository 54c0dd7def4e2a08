import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { SchedulingType } from '@/db/schema';
import { hostScheduleColumns, meetingPolicyOf, type PolicyColumns, readBookings, readBusy, scheduleBounds } from './load-schedule';
import { type BookedRange, type DateOverride, type Interval, type MeetingPolicy, type ScheduleInput, type WeeklyRule } from '@/lib/scheduling';

// Everything the engine needs for a team meeting type and range, in ONE query however many members:
// the type's policy, and per chosen member (`= ANY($ids)`, one row each) their default schedule's zone,
// weekly rules and overrides, their slot-holding bookings and their external busy time, in the same
// columns and encoding as the host loader (float8 bytea, sorted). Never a query per member
// (cal.com#21103 is what that costs).

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

interface MemberRow extends PolicyColumns, Record<string, unknown> {
  team_id: string | null;
  scheduling_type: SchedulingType | null;
  is_active: boolean;
  /** Null on the one row of a type with no chosen member. */
  user_id: string | null;
  time_zone: string;
  rules: WeeklyRule[];
  overrides: DateOverride[];
  bookings: Uint8Array;
  busy: Uint8Array;
}

/** Null when the meeting type is unknown or not a team's. `memberIds` are the head's chosen members. */
export async function loadTeamTypeSchedule(database: Queryable, meetingTypeId: string, memberIds: readonly string[], range: Interval): Promise<TeamTypeSchedule | null> {
  const ids = `{${memberIds.join(',')}}`;
  // One row per member (the left join keeps one row for a type with none), each with the host loader's columns.
  const rows = await database.execute<MemberRow>(sql`
    select mt.team_id, mt.scheduling_type, (mt.is_active and mt.deleted_at is null) as is_active,
           mt.duration_minutes, mt.buffer_before_minutes, mt.buffer_after_minutes, mt.slot_interval_minutes,
           mt.min_notice_minutes, mt.max_days_in_future, mt.max_bookings_per_day,
           u.id as user_id, coalesce(s.time_zone, u.time_zone) as time_zone,
           ${hostScheduleColumns(sql`u.id`, scheduleBounds(range))}
    from meeting_types mt
    left join users u on u.id = any(${ids}::uuid[])
    left join schedules s on s.user_id = u.id and s.is_default
    where mt.id = ${meetingTypeId}`);
  const first = rows[0];
  if (!first || !first.team_id || !first.scheduling_type) return null;
  const byId = new Map(rows.filter((row) => row.user_id !== null).map((row) => [row.user_id!, row]));
  return {
    teamId: first.team_id,
    mode: first.scheduling_type,
    isActive: first.is_active,
    policy: meetingPolicyOf(first, meetingTypeId),
    members: memberIds.flatMap((userId) => {
      const member = byId.get(userId);
      if (!member) return [];
      return [
        {
          userId,
          timeZone: member.time_zone,
          rules: member.rules,
          overrides: member.overrides,
          bookings: readBookings(member.bookings, meetingTypeId, undefined),
          busy: readBusy(member.busy, undefined),
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
