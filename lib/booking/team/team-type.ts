import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { SchedulingType } from '@/db/schema';
import { type BookingQuestion, storedBookingQuestions } from '@/lib/hosts/meeting-types/booking-questions';

// A team meeting type as booking sees it: how it schedules and which members it can be booked with,
// read in one query. Null for a personal type (it has an owner and no team).

export interface TeamHost {
  userId: string;
  /** Share of round-robin bookings (0..1000; 0: only when nobody else is free). */
  weight: number;
  /** 0 lowest .. 4 highest: a free member of higher priority is always preferred. */
  priority: number;
}

export interface TeamTypeHead {
  meetingTypeId: string;
  teamId: string;
  schedulingType: SchedulingType;
  isActive: boolean;
  questions: BookingQuestion[];
  /** In uuid order: the order their host locks are taken in. */
  hosts: TeamHost[];
}

interface HeadRow extends Record<string, unknown> {
  team_id: string | null;
  scheduling_type: SchedulingType | null;
  is_active: boolean;
  booking_questions: unknown;
  hosts: TeamHost[];
}

export async function loadTeamTypeHead(database: Queryable, meetingTypeId: string): Promise<TeamTypeHead | null> {
  const [row] = await database.execute<HeadRow>(sql`
    select mt.team_id, mt.scheduling_type, (mt.is_active and mt.deleted_at is null) as is_active, mt.booking_questions,
           coalesce((
             select json_agg(json_build_object('userId', h.user_id, 'weight', h.weight, 'priority', h.priority) order by h.user_id)
             from meeting_type_hosts h
             join users u on u.id = h.user_id
             where h.meeting_type_id = mt.id and u.deleted_at is null
           ), '[]'::json) as hosts
    from meeting_types mt
    where mt.id = ${meetingTypeId}`);
  if (!row?.team_id || !row.scheduling_type) return null;
  return {
    meetingTypeId,
    teamId: row.team_id,
    schedulingType: row.scheduling_type,
    isActive: row.is_active,
    questions: storedBookingQuestions(row.booking_questions),
    hosts: row.hosts,
  };
}
