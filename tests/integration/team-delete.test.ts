import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, meetingTypeHosts, meetingTypes, teamInvitations, teamMembers, teams } from '@/db/schema';
import { deleteHostAccount } from '@/lib/accounts/delete-account';
import { hostContext } from '@/lib/hosts/host-write';
import { createTeam } from '@/lib/hosts/teams/create';
import { deleteTeam, releasedTeamSlug } from '@/lib/hosts/teams/delete';
import { inviteMember } from '@/lib/hosts/teams/invitations';
import { findHostTeam, listHostTeams } from '@/lib/hosts/teams/list';
import { createHost, insertBookingRow } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { insertTeam, insertTeamMeetingType } from './team-fixtures';

// deleteTeam: owners only; refused (409, with the count) while a confirmed booking of the team's types
// is ahead; otherwise types deleted, invitations revoked, members removed and the slug released, in
// one write. Account deletion deletes a team the host is the only member of the same way.

const database = connectTestDatabase();
const as = (userId: string, now = Date.now()) => hostContext(depsFor(database), userId, now);
const HOUR = 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

async function teamRow(id: string) {
  return (await database.select().from(teams).where(eq(teams.id, id)))[0]!;
}

const cancelRow = (id: string) => database.update(bookings).set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: 'host' }).where(eq(bookings.id, id));

async function ownedTeam() {
  const [owner, admin, member] = await Promise.all([createHost(database), createHost(database), createHost(database)]);
  const team = await insertTeam(database, [
    { userId: owner.id, role: 'owner' },
    { userId: admin.id, role: 'admin' },
    { userId: member.id, role: 'member' },
  ]);
  const type = await insertTeamMeetingType(database, team.id, [owner.id, admin.id, member.id]);
  return { owner, admin, member, team, type };
}

describe('deleting a team', () => {
  it('lets only an owner delete (admins and members 403, strangers 404), changing nothing when refused', async () => {
    const { admin, member, team, type } = await ownedTeam();
    const stranger = await createHost(database);
    await expect(deleteTeam(as(admin.id), { teamId: team.id })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(deleteTeam(as(member.id), { teamId: team.id })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(deleteTeam(as(stranger.id), { teamId: team.id })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(deleteTeam(as(stranger.id), { teamId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await teamRow(team.id)).slug).toBe(team.slug);
    expect(await database.select().from(teamMembers).where(eq(teamMembers.teamId, team.id))).toHaveLength(3);
    expect((await database.select().from(meetingTypes).where(eq(meetingTypes.id, type.id)))[0]!.deletedAt).toBeNull();
  });

  it('is refused with 409 and the count while confirmed bookings are ahead; past and cancelled ones do not count', async () => {
    const { owner, admin, team, type } = await ownedTeam();
    const now = Date.now();
    const ahead = [24, 48].map((h) =>
      insertBookingRow(database, {
        hostUserId: admin.id,
        meetingTypeId: type.id,
        start: iso(now + h * HOUR),
        end: iso(now + h * HOUR + HOUR / 2),
      }),
    );
    const [first, second] = (await Promise.all(ahead)) as [Awaited<(typeof ahead)[number]>, Awaited<(typeof ahead)[number]>];
    await insertBookingRow(database, {
      hostUserId: owner.id,
      meetingTypeId: type.id,
      start: iso(now - 48 * HOUR),
      end: iso(now - 47 * HOUR),
    });
    await expect(deleteTeam(as(owner.id, now), { teamId: team.id })).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      details: { futureBookings: 2 },
      message: expect.stringContaining('2 upcoming bookings'),
    });
    await cancelRow(first.id);
    await expect(deleteTeam(as(owner.id, now), { teamId: team.id })).rejects.toMatchObject({
      details: { futureBookings: 1 },
      message: expect.stringContaining('1 upcoming booking.'),
    });
    await cancelRow(second.id);
    expect(await deleteTeam(as(owner.id, now), { teamId: team.id })).toEqual({
      teamId: team.id,
    });
  });

  it('deletes the types, revokes invitations, removes every member and releases the slug for a new team', async () => {
    const { owner, admin, member, team, type } = await ownedTeam();
    const invitation = await inviteMember(as(owner.id), {
      teamId: team.id,
      email: `later-${team.id.slice(0, 8)}@example.com`,
      role: 'member',
    });
    await deleteTeam(as(owner.id), { teamId: team.id });
    const row = await teamRow(team.id);
    expect(row.slug).toBe(releasedTeamSlug(team.id));
    expect(await database.select().from(teamMembers).where(eq(teamMembers.teamId, team.id))).toEqual([]);
    expect(await database.select().from(meetingTypeHosts).where(eq(meetingTypeHosts.teamId, team.id))).toEqual([]);
    expect((await database.select().from(meetingTypes).where(eq(meetingTypes.id, type.id)))[0]).toMatchObject({ isActive: false, deletedAt: expect.any(Date) });
    expect((await database.select().from(teamInvitations).where(eq(teamInvitations.id, invitation.id)))[0]!.revokedAt).toEqual(expect.any(Date));
    for (const host of [owner, admin, member]) {
      expect(await listHostTeams(database, host.id)).toEqual([]);
      expect(await findHostTeam(database, host.id, team.slug)).toBeNull();
    }
    // The old address is free; the released one cannot be taken.
    expect(await createTeam(as(member.id), { name: 'Reborn', slug: team.slug })).toMatchObject({ slug: team.slug });
    await expect(
      createTeam(as(member.id), {
        name: 'Squat',
        slug: releasedTeamSlug(crypto.randomUUID()),
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { fieldErrors: { slug: expect.any(String) } },
    });
    // A second delete finds no team (its owner is no longer a member).
    await expect(deleteTeam(as(owner.id), { teamId: team.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lets the only member, its owner, delete it (the way out that leaving refuses)', async () => {
    const owner = await createHost(database);
    const team = await insertTeam(database, [{ userId: owner.id, role: 'owner' }]);
    await deleteTeam(as(owner.id), { teamId: team.id });
    expect((await teamRow(team.id)).slug).toBe(releasedTeamSlug(team.id));
  });

  it('deletes a team on account deletion when the host was its only member: invitations revoked, slug released', async () => {
    const [host, owner] = await Promise.all([createHost(database), createHost(database)]);
    const alone = await insertTeam(database, [{ userId: host.id, role: 'owner' }]);
    const shared = await insertTeam(database, [
      { userId: host.id, role: 'owner' },
      { userId: owner.id, role: 'owner' },
    ]);
    const invitation = await inviteMember(as(host.id), {
      teamId: alone.id,
      email: `friend-${alone.id.slice(0, 8)}@example.com`,
      role: 'member',
    });
    const type = await insertTeamMeetingType(database, alone.id, [host.id]);
    // Their own future booking of the team's type is cancelled by the account deletion first.
    const now = Date.now();
    await insertBookingRow(database, {
      hostUserId: host.id,
      meetingTypeId: type.id,
      start: iso(now + 24 * HOUR),
      end: iso(now + 25 * HOUR),
    });
    await deleteHostAccount(as(host.id, now), {
      confirmUsername: host.username,
    });
    expect((await teamRow(alone.id)).slug).toBe(releasedTeamSlug(alone.id));
    expect((await teamRow(shared.id)).slug).toBe(shared.slug);
    expect((await database.select().from(teamInvitations).where(eq(teamInvitations.id, invitation.id)))[0]!.revokedAt).toEqual(expect.any(Date));
    expect((await database.select().from(meetingTypes).where(eq(meetingTypes.id, type.id)))[0]).toMatchObject({ isActive: false, deletedAt: expect.any(Date) });
  });
});
