import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';

// Who got a team's round-robin bookings over the last 30 days, per type and member: what the team
// page's distribution view shows. Counted as the assignment order counts them (assignment-history.ts):
// each booking once, by its first row, cancelled ones not. Members of the team only; anyone else
// reads null, the same as an unknown team.

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

export interface DistributionMember {
  userId: string;
  name: string;
  bookings: number;
  /** Null: no longer one of the type's members (their bookings still count). */
  weight: number | null;
  priority: number | null;
}

export interface TeamDistribution {
  team: { name: string; slug: string };
  since: Date;
  types: { id: string; name: string; total: number; members: DistributionMember[] }[];
}

interface TeamRow extends Record<string, unknown> {
  id: string;
  name: string;
  slug: string;
}

interface CountRow extends Record<string, unknown> {
  meeting_type_id: string;
  meeting_type_name: string;
  user_id: string | null;
  user_name: string | null;
  weight: number | null;
  priority: number | null;
  bookings: number;
}

export async function loadTeamDistribution(database: Queryable, viewerUserId: string, teamSlug: string, now: number): Promise<TeamDistribution | null> {
  const [team] = await database.execute<TeamRow>(sql`
    select t.id, t.name, t.slug from teams t
    join team_members m on m.team_id = t.id and m.user_id = ${viewerUserId}
    where t.slug = ${teamSlug}`);
  if (!team) return null;
  const since = new Date(now - THIRTY_DAYS_MS);
  const rows = await database.execute<CountRow>(sql`
    with counted as (
      select b.meeting_type_id, b.host_user_id, count(*)::int as bookings
      from bookings b
      join meeting_types mt on mt.id = b.meeting_type_id and mt.team_id = ${team.id} and mt.scheduling_type = 'round_robin'
      where b.created_at > ${since.toISOString()}::timestamptz
        and b.rescheduled_from_id is null and b.collective_lead_id is null
        and b.status in ('confirmed', 'pending', 'rescheduled')
      group by b.meeting_type_id, b.host_user_id
    ), people as (
      select h.meeting_type_id, h.user_id from meeting_type_hosts h where h.team_id = ${team.id}
      union
      select meeting_type_id, host_user_id from counted
    )
    select mt.id as meeting_type_id, mt.name as meeting_type_name, u.id as user_id, u.name as user_name,
           h.weight, h.priority, coalesce(c.bookings, 0) as bookings
    from meeting_types mt
    left join people p on p.meeting_type_id = mt.id
    left join users u on u.id = p.user_id
    left join meeting_type_hosts h on h.meeting_type_id = mt.id and h.user_id = p.user_id
    left join counted c on c.meeting_type_id = mt.id and c.host_user_id = p.user_id
    where mt.team_id = ${team.id} and mt.scheduling_type = 'round_robin' and mt.deleted_at is null
    order by mt.name, mt.id, coalesce(c.bookings, 0) desc, u.name`);
  const types = new Map<string, TeamDistribution['types'][number]>();
  for (const row of rows) {
    const type = types.get(row.meeting_type_id) ?? { id: row.meeting_type_id, name: row.meeting_type_name, total: 0, members: [] };
    types.set(row.meeting_type_id, type);
    if (!row.user_id || row.user_name === null) continue;
    type.total += row.bookings;
    type.members.push({ userId: row.user_id, name: row.user_name, bookings: row.bookings, weight: row.weight, priority: row.priority });
  }
  return { team: { name: team.name, slug: team.slug }, since, types: [...types.values()] };
}
