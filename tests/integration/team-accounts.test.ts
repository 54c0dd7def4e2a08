import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetingTypeHosts, meetingTypes, outbox, teamMembers, users } from '@/db/schema';
import { deleteHostAccount } from '@/lib/accounts/delete-account';
import { exportHostData } from '@/lib/accounts/export-data';
import { hostContext } from '@/lib/hosts/host-write';
import { createHost } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { insertTeam, insertTeamMeetingType } from './team-fixtures';

const database = connectTestDatabase();
const as = (userId: string) => hostContext(depsFor(database), userId);

async function members(teamId: string) {
  return database.select({ userId: teamMembers.userId, role: teamMembers.role }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
}

describe('teams in the data export', () => {
  it('lists each team with the host’s role and their weight and priority on its meeting types', async () => {
    const [host, other] = await Promise.all([createHost(database), createHost(database)]);
    const team = await insertTeam(database, [
      { userId: host.id, role: 'admin' },
      { userId: other.id, role: 'owner' },
    ]);
    const theirs = await insertTeamMeetingType(database, team.id, [host.id, other.id], 'collective');
    await insertTeamMeetingType(database, team.id, [other.id]);
    await database.update(meetingTypeHosts).set({ weight: 250, priority: 4 }).where(eq(meetingTypeHosts.userId, host.id));
    const exported = await exportHostData(as(host.id));
    expect(exported.teams).toEqual([
      {
        id: team.id,
        name: team.name,
        slug: team.slug,
        role: 'admin',
        joinedAt: expect.any(Date),
        meetingTypes: [{ meetingTypeId: theirs.id, name: theirs.name, slug: theirs.slug, schedulingType: 'collective', weight: 250, priority: 4, deletedAt: null }],
      },
    ]);
  });
});

describe('deleting an account that is in teams', () => {
  it('is refused while the host is the only owner of a team with other members, and nothing is deleted', async () => {
    const [host, member] = await Promise.all([createHost(database), createHost(database)]);
    const team = await insertTeam(database, [
      { userId: host.id, role: 'owner' },
      { userId: member.id, role: 'member' },
    ]);
    await expect(deleteHostAccount(as(host.id), { confirmUsername: host.username })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`only owner of ${team.name}`) });
    const [row] = await database.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, host.id));
    expect(row!.deletedAt).toBeNull();
    expect(await members(team.id)).toHaveLength(2);
  });

  it('leaves every team (with team/member-removed), and switches off the types of a team it leaves empty', async () => {
    const [host, owner] = await Promise.all([createHost(database), createHost(database)]);
    const shared = await insertTeam(database, [
      { userId: host.id, role: 'owner' },
      { userId: owner.id, role: 'owner' },
    ]);
    const alone = await insertTeam(database, [{ userId: host.id, role: 'owner' }]);
    const sharedType = await insertTeamMeetingType(database, shared.id, [host.id, owner.id]);
    const aloneType = await insertTeamMeetingType(database, alone.id, [host.id]);
    await deleteHostAccount(as(host.id), { confirmUsername: host.username });
    expect(await members(shared.id)).toEqual([{ userId: owner.id, role: 'owner' }]);
    expect(await members(alone.id)).toEqual([]);
    expect((await database.select().from(meetingTypeHosts).where(eq(meetingTypeHosts.meetingTypeId, sharedType.id))).map((h) => h.userId)).toEqual([owner.id]);
    const [sharedRow] = await database.select().from(meetingTypes).where(eq(meetingTypes.id, sharedType.id));
    const [aloneRow] = await database.select().from(meetingTypes).where(eq(meetingTypes.id, aloneType.id));
    expect(sharedRow).toMatchObject({ deletedAt: null, isActive: true });
    expect(aloneRow).toMatchObject({ deletedAt: expect.any(Date), isActive: false });
    const events = (await database.select().from(outbox).where(eq(outbox.eventName, 'team/member-removed'))).map((e) => e.payload as { teamId: string; userId: string });
    expect(events.filter((e) => e.userId === host.id).map((e) => e.teamId).sort()).toEqual([shared.id, alone.id].sort());
  });
});
