import type { Queryable } from '@/db/client';
import { type SchedulingType, meetingTypeHosts, meetingTypes, teamMembers, teams } from '@/db/schema';
import { createHost, createWeeklyHours, uniqueSuffix } from '../factories';

// Teams for the booking tests, written straight to the tables (the team verbs are another branch's):
// every member in New York with Monday–Friday 09:00–17:00, and one team type with all of them.

export interface TeamMemberSpec {
  weight?: number;
  priority?: number;
  /** Weekly hours other than 09:00–17:00 Monday–Friday; null: none at all. */
  hours?: { start: string; end: string } | null;
}

export async function createTeamType(
  database: Queryable,
  options: { schedulingType: SchedulingType; members: number | TeamMemberSpec[]; meetingType?: Partial<typeof meetingTypes.$inferInsert> },
) {
  const specs: TeamMemberSpec[] = typeof options.members === 'number' ? Array.from({ length: options.members }, () => ({})) : options.members;
  const suffix = uniqueSuffix();
  const [team] = await database.insert(teams).values({ name: `Team ${suffix}`, slug: `team-${suffix}` }).returning();
  if (!team) throw new Error('createTeamType: no team');
  const members = [];
  for (const [index, spec] of specs.entries()) {
    const host = await createHost(database);
    if (spec.hours !== null) await createWeeklyHours(database, host.id, spec.hours ?? {});
    await database.insert(teamMembers).values({ teamId: team.id, userId: host.id, role: index === 0 ? 'owner' : 'member' });
    members.push(host);
  }
  const [meetingType] = await database
    .insert(meetingTypes)
    .values({
      teamId: team.id,
      schedulingType: options.schedulingType,
      name: `Team meeting ${suffix}`,
      slug: `team-meeting-${suffix}`,
      durationMinutes: 30,
      maxDaysInFuture: 730,
      ...options.meetingType,
    })
    .returning();
  if (!meetingType) throw new Error('createTeamType: no meeting type');
  await database.insert(meetingTypeHosts).values(
    members.map((member, index) => ({ meetingTypeId: meetingType.id, teamId: team.id, userId: member.id, weight: specs[index]?.weight ?? 100, priority: specs[index]?.priority ?? 2 })),
  );
  return { team, meetingType, members };
}
