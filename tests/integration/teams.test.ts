import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { meetingTypeHosts, outbox, teamInvitations, teamMembers, teams, users } from '@/db/schema';
import { hostContext } from '@/lib/hosts/host-write';
import { acceptInvitation } from '@/lib/hosts/teams/accept-invitation';
import { createTeam } from '@/lib/hosts/teams/create';
import { checkInvitation, invitationToken } from '@/lib/hosts/teams/invitation-tokens';
import { inviteMember, resendInvitation, revokeInvitation } from '@/lib/hosts/teams/invitations';
import { changeRole, leaveTeam, removeMember } from '@/lib/hosts/teams/members';
import { renameTeam } from '@/lib/hosts/teams/rename';
import { findHostTeam, listHostTeams, listOpenInvitations, listTeamMeetingTypes, listTeamMembers } from '@/lib/hosts/teams/list';
import { createHost, uniqueSuffix } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { insertTeam, insertTeamMeetingType } from './team-fixtures';

const database = connectTestDatabase();
const deps = depsFor(database);
const as = (userId: string, now = Date.now()) => hostContext(deps, userId, now);
const DAY = 24 * 60 * 60 * 1000;

async function roles(teamId: string) {
  const rows = await database.select({ userId: teamMembers.userId, role: teamMembers.role }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
  return Object.fromEntries(rows.map((row) => [row.userId, row.role]));
}

async function eventsFor(name: string, key: string, value: string) {
  const rows = await database.select().from(outbox).where(eq(outbox.eventName, name));
  return rows.filter((row) => (row.payload as Record<string, unknown>)[key] === value);
}

async function tokenOf(invitationId: string) {
  const [row] = await database.select().from(teamInvitations).where(eq(teamInvitations.id, invitationId));
  return invitationToken(row!)!;
}

/** An owner, an admin and a member of one team. */
async function threeRoles() {
  const [owner, admin, member] = await Promise.all([createHost(database), createHost(database), createHost(database)]);
  const team = await insertTeam(database, [
    { userId: owner.id, role: 'owner' },
    { userId: admin.id, role: 'admin' },
    { userId: member.id, role: 'member' },
  ]);
  return { owner, admin, member, team };
}

describe('creating and renaming a team', () => {
  it('makes the creator its owner, and refuses a slug in use as a field error (409)', async () => {
    const host = await createHost(database);
    const slug = `acme-${uniqueSuffix()}`;
    const team = await createTeam(as(host.id), { name: 'Acme', slug });
    expect(team).toMatchObject({ name: 'Acme', slug });
    expect(await roles(team.id)).toEqual({ [host.id]: 'owner' });
    const other = await createHost(database);
    await expect(createTeam(as(other.id), { name: 'Acme 2', slug })).rejects.toMatchObject({ code: 'conflict', status: 409, details: { fieldErrors: { slug: expect.any(String) } } });
  });

  it('gives one of two racing creations of a slug the team, the other a field error', async () => {
    const [a, b] = await Promise.all([createHost(database), createHost(database)]);
    const slug = `race-${uniqueSuffix()}`;
    const results = await Promise.allSettled([createTeam(as(a.id), { name: 'A', slug }), createTeam(as(b.id), { name: 'B', slug })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
  });

  it('refuses a reserved slug', async () => {
    const host = await createHost(database);
    await expect(createTeam(as(host.id), { name: 'Api', slug: 'api' })).rejects.toMatchObject({ code: 'conflict', details: { fieldErrors: { slug: expect.any(String) } } });
  });

  it('lets owners and admins rename, refuses members (403) and non-members (404)', async () => {
    const { owner, admin, member, team } = await threeRoles();
    const stranger = await createHost(database);
    expect(await renameTeam(as(admin.id), { teamId: team.id, name: 'Renamed' })).toMatchObject({ name: 'Renamed', slug: team.slug });
    await renameTeam(as(owner.id), { teamId: team.id, name: 'Again' });
    await expect(renameTeam(as(member.id), { teamId: team.id, name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(renameTeam(as(stranger.id), { teamId: team.id, name: 'Mine' })).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(renameTeam(as(owner.id), { teamId: 'not-a-uuid', name: 'Mine' })).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await database.select().from(teams).where(eq(teams.id, team.id));
    expect(row!.name).toBe('Again');
  });
});

describe('invitations', () => {
  it('stores only a hash, mails through the outbox, and replaces an open invitation to the same address', async () => {
    const { admin, team } = await threeRoles();
    const email = `New.Person-${uniqueSuffix()}@Example.test`;
    const first = await inviteMember(as(admin.id), { teamId: team.id, email: email.toLowerCase(), role: 'member' });
    expect(await eventsFor('team/invitation-requested', 'invitationId', first.id)).toHaveLength(1);
    const firstToken = await tokenOf(first.id);
    const [stored] = await database.select().from(teamInvitations).where(eq(teamInvitations.id, first.id));
    expect(stored!.tokenHash).not.toContain(firstToken);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBeGreaterThan(7 * DAY - 60_000);
    const second = await inviteMember(as(admin.id), { teamId: team.id, email: email.toLowerCase(), role: 'admin' });
    expect(second.id).not.toBe(first.id);
    expect(await checkInvitation(database, firstToken, new Date())).toMatchObject({ ok: false, problem: 'revoked' });
    expect(await checkInvitation(database, await tokenOf(second.id), new Date())).toMatchObject({ ok: true, invitation: { role: 'admin', teamSlug: team.slug } });
  });

  it('refuses a current member’s address, members inviting (403), and admins inviting owners (403)', async () => {
    const { owner, admin, member, team } = await threeRoles();
    await expect(inviteMember(as(owner.id), { teamId: team.id, email: member.email.toLowerCase(), role: 'member' })).rejects.toMatchObject({ code: 'conflict', details: { fieldErrors: { email: expect.any(String) } } });
    await expect(inviteMember(as(member.id), { teamId: team.id, email: `x-${uniqueSuffix()}@example.test`, role: 'member' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(inviteMember(as(admin.id), { teamId: team.id, email: `x-${uniqueSuffix()}@example.test`, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await inviteMember(as(owner.id), { teamId: team.id, email: `x-${uniqueSuffix()}@example.test`, role: 'owner' })).toMatchObject({ role: 'owner' });
  });

  it('revokes (the link stops working) and resends (a new link; the old one stops)', async () => {
    const { owner, team } = await threeRoles();
    const invited = await inviteMember(as(owner.id), { teamId: team.id, email: `r-${uniqueSuffix()}@example.test`, role: 'member' });
    const oldToken = await tokenOf(invited.id);
    const resent = await resendInvitation(as(owner.id), { teamId: team.id, invitationId: invited.id });
    expect(await eventsFor('team/invitation-requested', 'invitationId', resent.id)).toHaveLength(1);
    expect(await checkInvitation(database, oldToken, new Date())).toMatchObject({ ok: false, problem: 'revoked' });
    await revokeInvitation(as(owner.id), { teamId: team.id, invitationId: resent.id });
    expect(await checkInvitation(database, await tokenOf(resent.id), new Date())).toMatchObject({ ok: false, problem: 'revoked' });
    await expect(revokeInvitation(as(owner.id), { teamId: team.id, invitationId: resent.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('cannot reach another team’s invitation through one’s own team', async () => {
    const { owner, team } = await threeRoles();
    const other = await threeRoles();
    const theirs = await inviteMember(as(other.owner.id), { teamId: other.team.id, email: `t-${uniqueSuffix()}@example.test`, role: 'member' });
    await expect(revokeInvitation(as(owner.id), { teamId: team.id, invitationId: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeInvitation(as(owner.id), { teamId: other.team.id, invitationId: theirs.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await checkInvitation(database, await tokenOf(theirs.id), new Date())).toMatchObject({ ok: true });
  });

  it('is accepted once by the invited address, with the invited role', async () => {
    const { owner, team } = await threeRoles();
    const joining = await createHost(database);
    const invited = await inviteMember(as(owner.id), { teamId: team.id, email: joining.email.toUpperCase().toLowerCase(), role: 'admin' });
    const token = await tokenOf(invited.id);
    const results = await Promise.allSettled([acceptInvitation(as(joining.id), { token }), acceptInvitation(as(joining.id), { token })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'link_used' } });
    expect((await roles(team.id))[joining.id]).toBe('admin');
    expect(await checkInvitation(database, token, new Date())).toMatchObject({ ok: false, problem: 'used' });
  });

  it('confirms a new host’s address on accepting, since the link reached it', async () => {
    const { owner, team } = await threeRoles();
    const joining = await createHost(database, { emailVerified: null });
    const invited = await inviteMember(as(owner.id), { teamId: team.id, email: joining.email, role: 'member' });
    await acceptInvitation(as(joining.id), { token: await tokenOf(invited.id) });
    const [row] = await database.select({ emailVerified: users.emailVerified }).from(users).where(eq(users.id, joining.id));
    expect(row?.emailVerified).toBeInstanceOf(Date);
  });

  it('refuses another address (403), an expired link, a revoked link and junk, joining nobody', async () => {
    const { owner, team } = await threeRoles();
    const invitedHost = await createHost(database);
    const someoneElse = await createHost(database);
    const invited = await inviteMember(as(owner.id), { teamId: team.id, email: invitedHost.email, role: 'member' });
    const token = await tokenOf(invited.id);
    await expect(acceptInvitation(as(someoneElse.id), { token })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining(invitedHost.email) });
    await expect(acceptInvitation(as(invitedHost.id, Date.now() + 8 * DAY), { token })).rejects.toMatchObject({ code: 'link_expired' });
    expect(await checkInvitation(database, token, new Date(Date.now() + 8 * DAY))).toMatchObject({ ok: false, problem: 'expired' });
    await expect(acceptInvitation(as(invitedHost.id), { token: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'not_found' });
    await expect(acceptInvitation(as(invitedHost.id), { token: 'short' })).rejects.toMatchObject({ code: 'not_found' });
    await revokeInvitation(as(owner.id), { teamId: team.id, invitationId: invited.id });
    await expect(acceptInvitation(as(invitedHost.id), { token })).rejects.toMatchObject({ code: 'link_used' });
    const members = await roles(team.id);
    expect(members[invitedHost.id]).toBeUndefined();
    expect(members[someoneElse.id]).toBeUndefined();
  });
});

describe('roles, removing and leaving', () => {
  it('lets an owner change roles; an admin may not demote an owner or make one; a member may not change any', async () => {
    const { owner, admin, member, team } = await threeRoles();
    await expect(changeRole(as(admin.id), { teamId: team.id, userId: owner.id, role: 'member' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeRole(as(admin.id), { teamId: team.id, userId: member.id, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeRole(as(member.id), { teamId: team.id, userId: admin.id, role: 'member' })).rejects.toMatchObject({ code: 'forbidden' });
    await changeRole(as(admin.id), { teamId: team.id, userId: member.id, role: 'admin' });
    await changeRole(as(owner.id), { teamId: team.id, userId: admin.id, role: 'owner' });
    expect(await roles(team.id)).toEqual({ [owner.id]: 'owner', [admin.id]: 'owner', [member.id]: 'admin' });
  });

  it('refuses demoting the last owner (422)', async () => {
    const { owner, team } = await threeRoles();
    await expect(changeRole(as(owner.id), { teamId: team.id, userId: owner.id, role: 'admin' })).rejects.toMatchObject({ code: 'unprocessable', status: 422 });
    expect((await roles(team.id))[owner.id]).toBe('owner');
  });

  it('removes a member with their meeting type hosts rows, and records team/member-removed in the same write', async () => {
    const { owner, admin, member, team } = await threeRoles();
    const meetingType = await insertTeamMeetingType(database, team.id, [owner.id, member.id]);
    await removeMember(as(admin.id), { teamId: team.id, userId: member.id });
    expect((await roles(team.id))[member.id]).toBeUndefined();
    const hosts = await database.select().from(meetingTypeHosts).where(eq(meetingTypeHosts.meetingTypeId, meetingType.id));
    expect(hosts.map((h) => h.userId)).toEqual([owner.id]);
    const events = await eventsFor('team/member-removed', 'teamId', team.id);
    expect(events.map((e) => e.payload)).toEqual([{ teamId: team.id, userId: member.id, removedByUserId: admin.id }]);
  });

  it('refuses an admin removing an owner, a member removing anyone, and removing the last owner', async () => {
    const { owner, admin, member, team } = await threeRoles();
    await expect(removeMember(as(admin.id), { teamId: team.id, userId: owner.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeMember(as(member.id), { teamId: team.id, userId: admin.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeMember(as(owner.id), { teamId: team.id, userId: owner.id })).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(removeMember(as(owner.id), { teamId: team.id, userId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
    expect(Object.keys(await roles(team.id))).toHaveLength(3);
    expect(await eventsFor('team/member-removed', 'teamId', team.id)).toEqual([]);
  });

  it('lets two owners removing each other at once leave exactly one owner', async () => {
    const [a, b] = await Promise.all([createHost(database), createHost(database)]);
    const team = await insertTeam(database, [
      { userId: a.id, role: 'owner' },
      { userId: b.id, role: 'owner' },
    ]);
    const results = await Promise.allSettled([removeMember(as(a.id), { teamId: team.id, userId: b.id }), removeMember(as(b.id), { teamId: team.id, userId: a.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    // The loser either finds itself no longer a member (404) or the other the last owner (422).
    expect(['not_found', 'unprocessable']).toContain((rejected.reason as { code: string }).code);
    expect(Object.values(await roles(team.id))).toEqual(['owner']);
  });

  it('lets two owners leaving at once leave exactly one owner', async () => {
    const [a, b, c] = await Promise.all([createHost(database), createHost(database), createHost(database)]);
    const team = await insertTeam(database, [
      { userId: a.id, role: 'owner' },
      { userId: b.id, role: 'owner' },
      { userId: c.id, role: 'member' },
    ]);
    const results = await Promise.allSettled([leaveTeam(as(a.id), { teamId: team.id }), leaveTeam(as(b.id), { teamId: team.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'unprocessable' } });
    const left = await roles(team.id);
    expect(Object.values(left).sort()).toEqual(['member', 'owner']);
  });

  it('lets a member leave (with the event) and refuses the only owner', async () => {
    const { owner, member, team } = await threeRoles();
    await leaveTeam(as(member.id), { teamId: team.id });
    expect((await roles(team.id))[member.id]).toBeUndefined();
    expect((await eventsFor('team/member-removed', 'teamId', team.id)).map((e) => e.payload)).toEqual([{ teamId: team.id, userId: member.id, removedByUserId: member.id }]);
    await expect(leaveTeam(as(owner.id), { teamId: team.id })).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringContaining('only owner') });
    await expect(leaveTeam(as(member.id), { teamId: team.id })).rejects.toMatchObject({ code: 'not_found' });
    const [stillThere] = await database.select().from(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, owner.id)));
    expect(stillThere).toBeDefined();
  });
});

describe('what the dashboard reads', () => {
  it('finds a team by slug only for its members, lists each host’s own teams with their role, and only open invitations', async () => {
    const { owner, member, team } = await threeRoles();
    const stranger = await createHost(database);
    expect(await findHostTeam(database, member.id, team.slug.toUpperCase())).toMatchObject({ id: team.id, role: 'member' });
    expect(await findHostTeam(database, stranger.id, team.slug)).toBeNull();
    expect(await findHostTeam(database, owner.id, 'x'.repeat(300))).toBeNull();
    expect(await listHostTeams(database, stranger.id)).toEqual([]);
    expect(await listHostTeams(database, owner.id)).toEqual([{ id: team.id, name: team.name, slug: team.slug, role: 'owner' }]);
    expect((await listTeamMembers(database, team.id)).map((m) => m.role).sort()).toEqual(['admin', 'member', 'owner']);
    const open = await inviteMember(as(owner.id), { teamId: team.id, email: `o-${uniqueSuffix()}@example.test`, role: 'member' });
    const revoked = await inviteMember(as(owner.id), { teamId: team.id, email: `v-${uniqueSuffix()}@example.test`, role: 'member' });
    await revokeInvitation(as(owner.id), { teamId: team.id, invitationId: revoked.id });
    expect((await listOpenInvitations(database, team.id, new Date())).map((i) => i.id)).toEqual([open.id]);
    expect(await listOpenInvitations(database, team.id, new Date(Date.now() + 8 * DAY))).toEqual([]);
    const type = await insertTeamMeetingType(database, team.id, [owner.id], 'collective');
    expect(await listTeamMeetingTypes(database, team.id)).toEqual([expect.objectContaining({ id: type.id, schedulingType: 'collective' })]);
  });
});
