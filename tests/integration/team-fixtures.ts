import type { Queryable } from '@/db/client';
import { type SchedulingType, type TeamRole, meetingTypeHosts, meetingTypes, teamMembers, teams } from '@/db/schema';
import { uniqueSuffix } from '../factories';

// Teams for tests, inserted directly (each test makes its own uniquely-named rows).

export async function insertTeam(database: Queryable, members: { userId: string; role: TeamRole }[]) {
  const suffix = uniqueSuffix();
  const [team] = await database.insert(teams).values({ name: `Team ${suffix}`, slug: `team-${suffix}` }).returning();
  if (!team) throw new Error('insertTeam: no row returned');
  if (members.length > 0) await database.insert(teamMembers).values(members.map((member) => ({ teamId: team.id, ...member })));
  return team;
}

export async function insertTeamMeetingType(database: Queryable, teamId: string, hosts: string[], schedulingType: SchedulingType = 'round_robin') {
  const suffix = uniqueSuffix();
  const [meetingType] = await database
    .insert(meetingTypes)
    .values({ teamId, schedulingType, name: `Team call ${suffix}`, slug: `call-${suffix}`, durationMinutes: 30 })
    .returning();
  if (!meetingType) throw new Error('insertTeamMeetingType: no row returned');
  if (hosts.length > 0) await database.insert(meetingTypeHosts).values(hosts.map((userId) => ({ meetingTypeId: meetingType.id, teamId, userId })));
  return meetingType;
}
