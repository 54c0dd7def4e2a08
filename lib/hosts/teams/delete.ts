import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings, meetingTypes, teamInvitations, teamMembers, teams } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { HostContext } from '../host-write';
import { runTeamWrite } from './team-write';

// Deleting a team (owners only), in one transaction under the team lock. Refused (409, with the
// count) while any of its meeting types has a confirmed booking ahead: those invitees must be dealt
// with first. Otherwise its meeting types are switched off and soft-deleted, open invitations
// revoked and every membership removed (meeting_type_hosts rows cascade). The team row itself stays,
// because its past bookings point at its meeting types (whose foreign key would cascade into the
// bookings); its slug is released to `deleted-{id}` so the public address is free for another team.
// No team/member-removed is recorded: with nothing ahead there is nothing for that job to hand over.

/** The slug a deleted team keeps; no team can be created or renamed to this shape (see createTeam). */
export const releasedTeamSlug = (teamId: string) => `deleted-${teamId.replaceAll('-', '')}`;
export const isReleasedTeamSlug = (slug: string) => /^deleted-[0-9a-f]{32}$/.test(slug);

/** Confirmed bookings of the team's types that have not started (a collective booking counts once). */
export async function futureTeamBookings(database: Queryable, teamId: string, now: Date): Promise<number> {
  const [row] = await database
    .select({ n: count() })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .where(and(eq(meetingTypes.teamId, teamId), eq(bookings.status, 'confirmed'), gt(bookings.startTime, now), isNull(bookings.collectiveLeadId)));
  return row?.n ?? 0;
}

/** Everything but the row: types off and deleted, invitations revoked, members gone, slug released. */
export async function dissolveTeam(tx: Queryable, teamId: string, now: Date): Promise<void> {
  await tx
    .update(meetingTypes)
    .set({ isActive: false, deletedAt: now })
    .where(and(eq(meetingTypes.teamId, teamId), isNull(meetingTypes.deletedAt)));
  await tx
    .update(teamInvitations)
    .set({ revokedAt: now })
    .where(and(eq(teamInvitations.teamId, teamId), isNull(teamInvitations.acceptedAt), isNull(teamInvitations.revokedAt)));
  await tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
  await tx
    .update(teams)
    .set({ slug: releasedTeamSlug(teamId), updatedAt: now })
    .where(eq(teams.id, teamId));
}

export async function deleteTeam(ctx: HostContext, input: { teamId: string }): Promise<{ teamId: string }> {
  const now = new Date(ctx.now);
  return runTeamWrite(ctx, input.teamId, 'member', async (write) => {
    if (write.role !== 'owner') throw new AppError('forbidden', 'Only an owner can delete the team.');
    const members = await write.tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, write.teamId));
    // Every member's host lock (in id order, as bookings take them), so a booking being made for a
    // team type right now either commits before the count below or sees the type deleted after.
    for (const { userId } of [...members].sort((a, b) => (a.userId < b.userId ? -1 : 1))) {
      await write.tx.execute(sql`select id from users where id = ${userId} for update`);
      write.touch(userId);
    }
    const ahead = await futureTeamBookings(write.tx, write.teamId, now);
    if (ahead > 0) {
      const what = ahead === 1 ? '1 upcoming booking' : `${ahead} upcoming bookings`;
      throw new AppError('conflict', `The team has ${what}. Cancel them (or wait until they are over) before deleting the team.`, { details: { futureBookings: ahead } });
    }
    await dissolveTeam(write.tx, write.teamId, now);
    return { teamId: write.teamId };
  });
}
