import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { meetingTypeHosts, meetingTypes, teamMembers, teams } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { HostWrite } from '../host-write';
import { dissolveTeam } from './delete';

// A host's teams when their account goes: they leave every team, as leaveTeam does (the membership
// and its meeting_type_hosts rows go, team/member-removed is recorded). Deleting is refused while
// they are the only owner of a team that has other members; a team left with no one is deleted as
// deleteTeam deletes one (`dissolveTeam`: types switched off and deleted, invitations revoked, slug
// released; the row stays, as bookings made through it point at those types).

/** The teams this host alone owns that still have other members. */
export async function teamsOnlyOwnedBy(database: Queryable, userId: string): Promise<string[]> {
  const rows = await database
    .select({ name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(
      and(
        eq(teamMembers.userId, userId),
        eq(teamMembers.role, 'owner'),
        sql`not exists (select 1 from team_members o where o.team_id = ${teamMembers.teamId} and o.role = 'owner' and o.user_id <> ${userId})`,
        sql`exists (select 1 from team_members o where o.team_id = ${teamMembers.teamId} and o.user_id <> ${userId})`,
      ),
    )
    .orderBy(asc(teams.name));
  return rows.map((row) => row.name);
}

export async function assertNoTeamLeftWithoutOwner(database: Queryable, userId: string): Promise<void> {
  const names = await teamsOnlyOwnedBy(database, userId);
  if (names.length === 0) return;
  throw new AppError('conflict', `You are the only owner of ${names.join(', ')}. Make another member an owner (or remove the other members) before deleting your account.`);
}

/** Inside the account's last host write; teams are locked in id order, as every team write locks one. */
export async function leaveEveryTeam(write: HostWrite, userId: string, now = new Date()): Promise<void> {
  const { tx } = write;
  const memberships = await tx.select({ teamId: teamMembers.teamId, role: teamMembers.role }).from(teamMembers).where(eq(teamMembers.userId, userId)).orderBy(asc(teamMembers.teamId));
  for (const { teamId, role } of memberships) {
    await tx.execute(sql`select id from teams where id = ${teamId} for update`);
    const others = await tx
      .select({ userId: teamMembers.userId, role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), ne(teamMembers.userId, userId)))
      .orderBy(asc(teamMembers.createdAt), asc(teamMembers.userId));
    if (others.length === 0) {
      // Its own future bookings were cancelled before this write, so nothing stands in the way.
      await dissolveTeam(tx, teamId, now);
    } else if (role === 'owner' && !others.some((other) => other.role === 'owner')) {
      // Only after a race with the check above (another owner left meanwhile): the team keeps an owner.
      await tx.update(teamMembers).set({ role: 'owner' }).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, others[0]!.userId)));
    }
    await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
    await write.emit('team/member-removed', { teamId, userId, removedByUserId: userId });
  }
}

/** What the data export says of the host's teams: each membership and their place on its meeting types. */
export async function exportTeamMemberships(database: Queryable, userId: string) {
  const [memberships, hosting] = await Promise.all([
    database
      .select({ teamId: teams.id, name: teams.name, slug: teams.slug, role: teamMembers.role, joinedAt: teamMembers.createdAt })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.userId, userId))
      .orderBy(asc(teams.name)),
    database
      .select({ teamId: meetingTypeHosts.teamId, meetingTypeId: meetingTypes.id, name: meetingTypes.name, slug: meetingTypes.slug, schedulingType: meetingTypes.schedulingType, weight: meetingTypeHosts.weight, priority: meetingTypeHosts.priority, deletedAt: meetingTypes.deletedAt })
      .from(meetingTypeHosts)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingTypeHosts.meetingTypeId))
      .where(eq(meetingTypeHosts.userId, userId))
      .orderBy(asc(meetingTypes.name)),
  ]);
  return memberships.map(({ teamId, ...team }) => ({ id: teamId, ...team, meetingTypes: hosting.filter((row) => row.teamId === teamId).map(({ teamId: _team, ...row }) => row) }));
}
