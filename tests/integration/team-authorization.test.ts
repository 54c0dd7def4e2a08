import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as teamActions from '@/app/dashboard/teams/actions';
import { meetingTypes, teamInvitations, teamMembers, teams } from '@/db/schema';
import { hostContext } from '@/lib/hosts/host-write';
import { inviteMember } from '@/lib/hosts/teams/invitations';
import { invitationToken } from '@/lib/hosts/teams/invitation-tokens';
import { signInAs } from '../setup/mock-current-host';
import { createHost, uniqueSuffix } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { insertTeam, insertTeamMeetingType } from './team-fixtures';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));
vi.mock('@/lib/auth/reissue-session', () => ({ reissueSession: async () => {} }));

// The team part of the authorization inventory (authorization.test.ts checks every action is guarded
// and refuses the signed-out): every team server action and every team page, found by scanning, must
// be listed here, and each is tried by a host outside the team (and through that host's own team) with
// the other team's ids: 404, and nothing changes. Manager-only pages are 404 to a plain member too.

const database = connectTestDatabase();
const as = (userId: string) => hostContext(depsFor(database), userId);

type Ids = { team: string; own: string; member: string; invitation: string; type: string; token: string };
type Call = (ids: Ids) => Promise<unknown>;

function typeForm(fields: Record<string, string>) {
  const data = new FormData();
  const suffix = uniqueSuffix();
  const all = { name: `Probe ${suffix}`, slug: `probe-${suffix}`, durationMinutes: '30', bufferBeforeMinutes: '0', bufferAfterMinutes: '0', minNoticeMinutes: '0', maxDaysInFuture: '30', location: '', color: '#10b981', minChangeNoticeMinutes: '0', ...fields };
  for (const [key, value] of Object.entries(all)) data.set(key, value);
  return data;
}
const hostsJson = (userId: string) => JSON.stringify([{ userId, weight: 100, priority: 2 }]);

/** Each team action by an outsider: the other team's id, then (where an object id is taken) their own team's id with the other team's object. */
const ACTION_PROBES: Record<string, { calls: Call[]; expected: string } | { skip: string }> = {
  createTeamAction: { skip: 'creates a new team of the caller’s own; touches no existing team' },
  renameTeamAction: { expected: 'not_found', calls: [(i) => teamActions.renameTeamAction({ teamId: i.team, name: 'Taken over' })] },
  inviteMemberAction: { expected: 'not_found', calls: [(i) => teamActions.inviteMemberAction({ teamId: i.team, email: `probe-${uniqueSuffix()}@example.test`, role: 'owner' })] },
  revokeInvitationAction: { expected: 'not_found', calls: [(i) => teamActions.revokeInvitationAction({ teamId: i.team, invitationId: i.invitation }), (i) => teamActions.revokeInvitationAction({ teamId: i.own, invitationId: i.invitation })] },
  resendInvitationAction: { expected: 'not_found', calls: [(i) => teamActions.resendInvitationAction({ teamId: i.team, invitationId: i.invitation }), (i) => teamActions.resendInvitationAction({ teamId: i.own, invitationId: i.invitation })] },
  // The link's token is the credential, tied to the invited address: another host is refused.
  acceptInvitationAction: { expected: 'forbidden', calls: [(i) => teamActions.acceptInvitationAction({ token: i.token })] },
  changeRoleAction: { expected: 'not_found', calls: [(i) => teamActions.changeRoleAction({ teamId: i.team, userId: i.member, role: 'owner' }), (i) => teamActions.changeRoleAction({ teamId: i.own, userId: i.member, role: 'owner' })] },
  removeMemberAction: { expected: 'not_found', calls: [(i) => teamActions.removeMemberAction({ teamId: i.team, userId: i.member }), (i) => teamActions.removeMemberAction({ teamId: i.own, userId: i.member })] },
  leaveTeamAction: { expected: 'not_found', calls: [(i) => teamActions.leaveTeamAction({ teamId: i.team })] },
  deleteTeamAction: { expected: 'not_found', calls: [(i) => teamActions.deleteTeamAction({ teamId: i.team })] },
  createTeamMeetingTypeAction: { expected: 'not_found', calls: [(i) => teamActions.createTeamMeetingTypeAction(typeForm({ teamId: i.team, schedulingType: 'round_robin', hosts: hostsJson(i.member) }))] },
  updateTeamMeetingTypeAction: {
    expected: 'not_found',
    calls: [(i) => teamActions.updateTeamMeetingTypeAction(typeForm({ teamId: i.team, id: i.type, hosts: hostsJson(i.member) })), (i) => teamActions.updateTeamMeetingTypeAction(typeForm({ teamId: i.own, id: i.type, hosts: hostsJson(i.member) }))],
  },
  deleteTeamMeetingTypeAction: { expected: 'not_found', calls: [(i) => teamActions.deleteTeamMeetingTypeAction({ teamId: i.team, id: i.type }), (i) => teamActions.deleteTeamMeetingTypeAction({ teamId: i.own, id: i.type })] },
};

type PageModule = { default: (props: { params: Promise<Record<string, string>> }) => Promise<unknown> };
/** Every team page, how to open it on the other team, and who may: members, or managers only. */
const PAGES: Record<string, { params: (i: Ids, slug: string) => Record<string, string>; who: 'members' | 'managers' } | { skip: string }> = {
  'app/dashboard/teams/page.tsx': { skip: 'the list reads only the signed-in host’s memberships (listHostTeams, tests/integration/teams.test.ts)' },
  'app/dashboard/teams/[slug]/page.tsx': { who: 'members', params: (_i, slug) => ({ slug }) },
  'app/dashboard/teams/[slug]/distribution/page.tsx': { who: 'members', params: (_i, slug) => ({ slug }) },
  'app/dashboard/teams/[slug]/meeting-types/new/page.tsx': { who: 'managers', params: (_i, slug) => ({ slug }) },
  'app/dashboard/teams/[slug]/meeting-types/[id]/page.tsx': { who: 'managers', params: (i, slug) => ({ slug, id: i.type }) },
  'app/teams/invitations/[token]/page.tsx': { skip: 'public: the emailed link token is the credential (tests/integration/team-invitation-page.test.ts)' },
};

function pagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pagesUnder(full) : name === 'page.tsx' ? [path.relative(process.cwd(), full).split(path.sep).join('/')] : [];
  });
}

/** How a page ended: Next.js throws for notFound() and redirect(); the mock throws "redirect to /signin…". */
async function outcomeOf(render: Promise<unknown>): Promise<string> {
  try {
    await render;
    return 'rendered';
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return '404';
    if (error instanceof Error && error.message.startsWith('redirect to /signin')) return 'signin';
    throw error;
  }
}

async function otherTeam() {
  const [owner, member, outsider] = await Promise.all([createHost(database), createHost(database), createHost(database)]);
  const team = await insertTeam(database, [
    { userId: owner.id, role: 'owner' },
    { userId: member.id, role: 'member' },
  ]);
  const own = await insertTeam(database, [{ userId: outsider.id, role: 'owner' }]);
  const type = await insertTeamMeetingType(database, team.id, [owner.id, member.id]);
  const invitation = await inviteMember(as(owner.id), { teamId: team.id, email: `invited-${uniqueSuffix()}@example.test`, role: 'admin' });
  const [stored] = await database.select().from(teamInvitations).where(eq(teamInvitations.id, invitation.id));
  const ids: Ids = { team: team.id, own: own.id, member: member.id, invitation: invitation.id, type: type.id, token: invitationToken(stored!)! };
  return { owner, member, outsider, team, ids };
}

async function snapshot(teamId: string) {
  return {
    team: await database.select().from(teams).where(eq(teams.id, teamId)),
    members: (await database.select().from(teamMembers).where(eq(teamMembers.teamId, teamId))).sort((a, b) => a.userId.localeCompare(b.userId)),
    invitations: await database.select().from(teamInvitations).where(eq(teamInvitations.teamId, teamId)),
    types: await database.select().from(meetingTypes).where(eq(meetingTypes.teamId, teamId)),
  };
}

describe('team authorization inventory', () => {
  it('lists every team server action, and an outsider gets 404 (the token’s own refusal for accepting) and changes nothing', async () => {
    const exported = Object.entries(teamActions)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(ACTION_PROBES).sort());
    const { outsider, team, ids } = await otherTeam();
    const before = await snapshot(team.id);
    signInAs(outsider.id);
    let tried = 0;
    for (const [name, probe] of Object.entries(ACTION_PROBES)) {
      if ('skip' in probe) continue;
      for (const call of probe.calls) {
        expect(await call(ids), name).toMatchObject({ ok: false, error: { code: probe.expected } });
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(18);
    expect(await snapshot(team.id)).toEqual(before);
    signInAs(null);
  });

  it('lists every team page; each is 404 to an outsider (and manager pages to a member) and asks the signed-out to sign in', async () => {
    const found = [...pagesUnder(path.join(process.cwd(), 'app/dashboard/teams')), ...pagesUnder(path.join(process.cwd(), 'app/teams'))];
    expect(found.sort()).toEqual(Object.keys(PAGES).sort());
    const { owner, member, outsider, team, ids } = await otherTeam();
    for (const [file, page] of Object.entries(PAGES)) {
      if ('skip' in page) continue;
      const { default: render } = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as PageModule;
      const open = () => outcomeOf(render({ params: Promise.resolve(page.params(ids, team.slug)) }));
      signInAs(null);
      expect(await open(), `${file} signed out`).toBe('signin');
      signInAs(outsider.id);
      expect(await open(), `${file} as an outsider`).toBe('404');
      signInAs(member.id);
      expect(await open(), `${file} as a member`).toBe(page.who === 'managers' ? '404' : 'rendered');
      signInAs(owner.id);
      expect(await open(), `${file} as the owner`).toBe('rendered');
    }
    signInAs(null);
  });
});
