import type { Queryable } from '@/db/client';
import { calendarConnections, externalBusy, meetingTypeHosts, meetingTypes, type SchedulingType, teamMembers, teams } from '@/db/schema';
import { createHost, createWeeklyHours, uniqueSuffix } from '../factories';

// Teams for availability tests, written straight to the tables (the team verbs are another branch's):
// members in New York with Monday–Friday hours of their own, and a team meeting type choosing them all.

export interface TeamTypeFixture {
  team: typeof teams.$inferSelect;
  members: Array<{ id: string; username: string }>;
  meetingType: typeof meetingTypes.$inferSelect;
}

export async function createTeamType(
  database: Queryable,
  {
    mode = 'round_robin',
    hours = [],
    meetingType = {},
  }: { mode?: SchedulingType; hours: Array<{ start: string; end: string; days?: number[] }>; meetingType?: Partial<typeof meetingTypes.$inferInsert> },
): Promise<TeamTypeFixture> {
  const suffix = uniqueSuffix();
  const [team] = await database.insert(teams).values({ name: `Team ${suffix}`, slug: `team-${suffix}` }).returning();
  if (!team) throw new Error('createTeamType: no team');
  const members = [];
  for (const [index, window] of hours.entries()) {
    const member = await createHost(database);
    await createWeeklyHours(database, member.id, window);
    await database.insert(teamMembers).values({ teamId: team.id, userId: member.id, role: index === 0 ? 'owner' : 'member' });
    members.push({ id: member.id, username: member.username });
  }
  const [type] = await database
    .insert(meetingTypes)
    .values({ teamId: team.id, schedulingType: mode, name: `Team call ${suffix}`, slug: `call-${suffix}`, durationMinutes: 30, slotIntervalMinutes: 30, maxDaysInFuture: 730, ...meetingType })
    .returning();
  if (!type) throw new Error('createTeamType: no meeting type');
  if (members.length > 0) await database.insert(meetingTypeHosts).values(members.map((member) => ({ meetingTypeId: type.id, teamId: team.id, userId: member.id })));
  return { team, members, meetingType: type };
}

/** One external calendar event for a member (an ICS connection made for it). */
export async function insertBusy(database: Queryable, userId: string, start: string, end: string): Promise<void> {
  const [connection] = await database.insert(calendarConnections).values({ userId, provider: 'ics', icsUrl: `https://calendar.example.test/${uniqueSuffix()}.ics` }).returning();
  await database.insert(externalBusy).values({ connectionId: connection!.id, userId, startTime: new Date(start), endTime: new Date(end), sourceEventId: uniqueSuffix() });
}
