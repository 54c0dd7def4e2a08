import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import type { AssignmentCandidate } from './assignment-order';
import type { TeamHost } from './team-type';

// What the assignment order weighs, for every member in one query. A booking counts once, by its
// first row (a move keeps its place in history; a moved row's successor names it): cancelled,
// declined and expired bookings do not count, nor collective member rows.

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

interface HistoryRow extends Record<string, unknown> {
  user_id: string;
  last_booked_at: number | null;
  recent: number;
}

export async function loadAssignmentCandidates(
  database: Queryable,
  head: { meetingTypeId: string; teamId: string; hosts: readonly TeamHost[] },
  now: number,
): Promise<AssignmentCandidate[]> {
  if (head.hosts.length === 0) return [];
  const since = new Date(now - THIRTY_DAYS_MS).toISOString();
  const members = head.hosts.map((host) => host.userId);
  const rows = await database.execute<HistoryRow>(sql`
    select b.host_user_id as user_id,
           max(date_part('epoch', b.created_at) * 1000) as last_booked_at,
           (count(*) filter (where b.meeting_type_id = ${head.meetingTypeId} and b.created_at > ${since}::timestamptz))::int as recent
    from bookings b
    join meeting_types mt on mt.id = b.meeting_type_id and mt.team_id = ${head.teamId} and mt.scheduling_type = 'round_robin'
    where b.host_user_id in (${sql.join(
      members.map((member) => sql`${member}::uuid`),
      sql`, `,
    )})
      and b.rescheduled_from_id is null and b.collective_lead_id is null
      and b.status in ('confirmed', 'pending', 'rescheduled')
    group by b.host_user_id`);
  const history = new Map(rows.map((row) => [row.user_id, row]));
  return head.hosts.map((host) => ({
    ...host,
    lastBookedAt: history.get(host.userId)?.last_booked_at ?? null,
    recentBookings: history.get(host.userId)?.recent ?? 0,
  }));
}
