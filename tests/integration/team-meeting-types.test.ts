import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as actions from '@/app/dashboard/teams/actions';
import { meetingTypeHosts, meetingTypes, outbox } from '@/db/schema';
import { readHostVersion as hostVersion } from '@/lib/cache/host-version';
import { cacheStore } from '@/lib/cache';
import { findTeamMeetingType } from '@/lib/hosts/teams/meeting-types';
import { signInAs } from '../setup/mock-current-host';
import { createHost, uniqueSuffix } from '../factories';
import { connectTestDatabase } from './db-helpers';
import { insertTeam } from './team-fixtures';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

const database = connectTestDatabase();
const { createTeamMeetingTypeAction, deleteTeamMeetingTypeAction, updateTeamMeetingTypeAction, inviteMemberAction, removeMemberAction, renameTeamAction } = actions;

function form(fields: Record<string, string>) {
  const data = new FormData();
  const suffix = uniqueSuffix();
  const all = { name: `Sales ${suffix}`, slug: `sales-${suffix}`, durationMinutes: '30', bufferBeforeMinutes: '0', bufferAfterMinutes: '10', minNoticeMinutes: '60', maxDaysInFuture: '30', slotIntervalMinutes: '', maxBookingsPerDay: '', location: 'Zoom', color: '#10b981', isActive: 'on', minChangeNoticeMinutes: '0', ...fields };
  for (const [key, value] of Object.entries(all)) data.set(key, value);
  return data;
}

async function team() {
  const [owner, admin, member] = await Promise.all([createHost(database), createHost(database), createHost(database)]);
  const row = await insertTeam(database, [
    { userId: owner.id, role: 'owner' },
    { userId: admin.id, role: 'admin' },
    { userId: member.id, role: 'member' },
  ]);
  return { owner, admin, member, team: row };
}

const hostsJson = (...hosts: { userId: string; weight?: number; priority?: number }[]) => JSON.stringify(hosts.map((h) => ({ weight: 100, priority: 2, ...h })));

describe('team meeting types', () => {
  it('an admin creates a round robin type with members, weights and priorities, and edits it; the scheduling type stays', async () => {
    const { admin, member, owner, team: t } = await team();
    signInAs(admin.id);
    const created = await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'round_robin', hosts: hostsJson({ userId: owner.id, weight: 300, priority: 4 }, { userId: member.id, weight: 50, priority: 0 }) }));
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: string } }).data.id;
    const stored = await findTeamMeetingType(database, t.id, id);
    expect(stored).toMatchObject({ schedulingType: 'round_robin', durationMinutes: 30, bufferAfterMinutes: 10, seatsPerSlot: null, requiresConfirmation: false, scheduleId: null });
    expect(stored!.hosts).toEqual(expect.arrayContaining([{ userId: owner.id, weight: 300, priority: 4 }, { userId: member.id, weight: 50, priority: 0 }]));
    const versionBefore = await hostVersion(cacheStore(), member.id);
    const updated = await updateTeamMeetingTypeAction(form({ teamId: t.id, id, name: 'Renamed', slug: stored!.slug, schedulingType: 'collective', hosts: hostsJson({ userId: owner.id }) }));
    expect(updated.ok).toBe(true);
    const after = await findTeamMeetingType(database, t.id, id);
    expect(after).toMatchObject({ name: 'Renamed', schedulingType: 'round_robin', hosts: [{ userId: owner.id, weight: 100, priority: 2 }] });
    // The member taken off the list sees their version move, so the team's cached answer is not reused.
    expect(await hostVersion(cacheStore(), member.id)).not.toBe(versionBefore);
    // No meeting_type.* webhook events for team types.
    const events = await database.select().from(outbox).where(eq(outbox.eventName, 'meeting-type/created'));
    expect(events.filter((e) => (e.payload as { meetingTypeId: string }).meetingTypeId === id)).toEqual([]);
  });

  it('creates a collective type without single-host fields (seats, approval are dropped), and refuses no member, a non-member, a bad weight and an unknown scheduling type beside the field', async () => {
    const { owner, member, team: t } = await team();
    const stranger = await createHost(database);
    signInAs(owner.id);
    const ok = await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'collective', seatsPerSlot: '5', requiresConfirmation: 'on', hosts: hostsJson({ userId: owner.id }, { userId: member.id }) }));
    expect(ok.ok).toBe(true);
    const [row] = await database.select().from(meetingTypes).where(eq(meetingTypes.id, (ok as { data: { id: string } }).data.id));
    expect(row).toMatchObject({ teamId: t.id, userId: null, schedulingType: 'collective', seatsPerSlot: null, requiresConfirmation: false });
    expect(await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'collective', hosts: '[]' }))).toMatchObject({ ok: false, error: { fieldErrors: { hosts: 'Choose at least one member' } } });
    expect(await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'collective', hosts: 'not json' }))).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'collective', hosts: hostsJson({ userId: stranger.id }) }))).toMatchObject({ ok: false, error: { code: 'not_found', fieldErrors: { hosts: expect.any(String) } } });
    expect(await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'round_robin', hosts: hostsJson({ userId: owner.id, weight: 5000 }) }))).toMatchObject({ ok: false, error: { fieldErrors: { 'hosts.0.weight': 'Use 1000 or less' } } });
    expect(await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'sequential', hosts: hostsJson({ userId: owner.id }) }))).toMatchObject({ ok: false, error: { fieldErrors: { schedulingType: expect.any(String) } } });
  });

  it('refuses a slug the team already uses as a field error, but another team may use it', async () => {
    const one = await team();
    const two = await team();
    const slug = `demo-${uniqueSuffix()}`;
    signInAs(one.owner.id);
    expect((await createTeamMeetingTypeAction(form({ teamId: one.team.id, slug, schedulingType: 'collective', hosts: hostsJson({ userId: one.owner.id }) }))).ok).toBe(true);
    expect(await createTeamMeetingTypeAction(form({ teamId: one.team.id, slug, schedulingType: 'collective', hosts: hostsJson({ userId: one.owner.id }) }))).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { slug: expect.any(String) } } });
    signInAs(two.owner.id);
    expect((await createTeamMeetingTypeAction(form({ teamId: two.team.id, slug, schedulingType: 'collective', hosts: hostsJson({ userId: two.owner.id }) }))).ok).toBe(true);
  });

  it('deletes softly; its hosts rows stay with the kept row; a second delete is 404', async () => {
    const { owner, team: t } = await team();
    signInAs(owner.id);
    const created = (await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'round_robin', hosts: hostsJson({ userId: owner.id }) }))) as { ok: true; data: { id: string } };
    expect((await deleteTeamMeetingTypeAction({ teamId: t.id, id: created.data.id })).ok).toBe(true);
    expect(await findTeamMeetingType(database, t.id, created.data.id)).toBeNull();
    expect(await deleteTeamMeetingTypeAction({ teamId: t.id, id: created.data.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await database.select().from(meetingTypeHosts).where(eq(meetingTypeHosts.meetingTypeId, created.data.id))).toHaveLength(1);
  });
});

describe('authorization of the team actions', () => {
  it('a member cannot manage (403); a host outside the team gets 404 for every action and changes nothing', async () => {
    const { owner, member, team: t } = await team();
    signInAs(owner.id);
    const created = (await createTeamMeetingTypeAction(form({ teamId: t.id, schedulingType: 'round_robin', hosts: hostsJson({ userId: owner.id }) }))) as { ok: true; data: { id: string } };
    const id = created.data.id;
    const outsider = await createHost(database);
    const calls = (teamId: string) => [
      () => renameTeamAction({ teamId, name: 'Taken over' }),
      () => inviteMemberAction({ teamId, email: `i-${uniqueSuffix()}@example.test`, role: 'member' }),
      () => removeMemberAction({ teamId, userId: owner.id }),
      () => createTeamMeetingTypeAction(form({ teamId, schedulingType: 'collective', hosts: hostsJson({ userId: owner.id }) })),
      () => updateTeamMeetingTypeAction(form({ teamId, id, schedulingType: 'collective', hosts: hostsJson({ userId: owner.id }) })),
      () => deleteTeamMeetingTypeAction({ teamId, id }),
      () => actions.changeRoleAction({ teamId, userId: owner.id, role: 'member' }),
      () => actions.revokeInvitationAction({ teamId, invitationId: crypto.randomUUID() }),
      () => actions.resendInvitationAction({ teamId, invitationId: crypto.randomUUID() }),
    ];
    signInAs(member.id);
    for (const call of calls(t.id)) expect(await call()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    signInAs(outsider.id);
    for (const call of calls(t.id)) expect(await call()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await actions.leaveTeamAction({ teamId: t.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The outsider's own team does not open the other team's meeting type either.
    const own = await insertTeam(database, [{ userId: outsider.id, role: 'owner' }]);
    expect(await deleteTeamMeetingTypeAction({ teamId: own.id, id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await findTeamMeetingType(database, t.id, id)).not.toBeNull();
  });
});
