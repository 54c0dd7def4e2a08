import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { type TeamRole, meetingTypes, teamInvitations, teamMembers, teams, users } from '@/db/schema';

// What the dashboard reads of teams. Every read starts from the signed-in host's membership, so a
// team they are not in is simply not found (the page answers 404, as for a slug that does not exist).

export interface HostTeam {
  id: string;
  name: string;
  slug: string;
  role: TeamRole;
}

export async function listHostTeams(database: Queryable, hostUserId: string): Promise<HostTeam[]> {
  return database
    .select({ id: teams.id, name: teams.name, slug: teams.slug, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, hostUserId))
    .orderBy(asc(teams.name), asc(teams.id));
}

/** The team with this slug, if the host is a member; null otherwise. */
export async function findHostTeam(database: Queryable, hostUserId: string, slug: string): Promise<HostTeam | null> {
  if (slug.length > 64) return null;
  const [team] = await database
    .select({ id: teams.id, name: teams.name, slug: teams.slug, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, hostUserId), eq(teams.slug, slug.toLowerCase())));
  return team ?? null;
}

export interface TeamMemberRow {
  userId: string;
  name: string;
  email: string;
  username: string;
  role: TeamRole;
}

export async function listTeamMembers(database: Queryable, teamId: string): Promise<TeamMemberRow[]> {
  return database
    .select({ userId: users.id, name: users.name, email: users.email, username: users.username, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.name), asc(users.id));
}

/** Invitations not accepted, revoked or expired. */
export async function listOpenInvitations(database: Queryable, teamId: string, now: Date) {
  return database
    .select({ id: teamInvitations.id, email: teamInvitations.email, role: teamInvitations.role, expiresAt: teamInvitations.expiresAt })
    .from(teamInvitations)
    .where(and(eq(teamInvitations.teamId, teamId), isNull(teamInvitations.acceptedAt), isNull(teamInvitations.revokedAt), gt(teamInvitations.expiresAt, now)))
    .orderBy(asc(teamInvitations.email));
}

export async function listTeamMeetingTypes(database: Queryable, teamId: string) {
  return database
    .select({ id: meetingTypes.id, name: meetingTypes.name, slug: meetingTypes.slug, durationMinutes: meetingTypes.durationMinutes, schedulingType: meetingTypes.schedulingType, isActive: meetingTypes.isActive })
    .from(meetingTypes)
    .where(and(eq(meetingTypes.teamId, teamId), isNull(meetingTypes.deletedAt)))
    .orderBy(asc(meetingTypes.name), asc(meetingTypes.id));
}
