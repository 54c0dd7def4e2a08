import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { teamInvitations } from '@/db/schema';
import { hostContext } from '@/lib/hosts/host-write';
import { acceptInvitation } from '@/lib/hosts/teams/accept-invitation';
import { invitationToken } from '@/lib/hosts/teams/invitation-tokens';
import { invitationPageState } from '@/lib/hosts/teams/invitation-page';
import { inviteMember, revokeInvitation } from '@/lib/hosts/teams/invitations';
import { createHost } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { insertTeam } from './team-fixtures';

const database = connectTestDatabase();
const as = (userId: string) => hostContext(depsFor(database), userId);
const DAY = 24 * 60 * 60 * 1000;

async function invited() {
  const owner = await createHost(database);
  const invitee = await createHost(database);
  const team = await insertTeam(database, [{ userId: owner.id, role: 'owner' }]);
  const invitation = await inviteMember(as(owner.id), { teamId: team.id, email: invitee.email, role: 'admin' });
  const [row] = await database.select().from(teamInvitations).where(eq(teamInvitations.id, invitation.id));
  return { owner, invitee, team, invitation, token: invitationToken(row!)! };
}

describe('the invitation page', () => {
  it('offers the invited address, signed in, to accept; shows team, role and who invited', async () => {
    const { owner, invitee, team, token } = await invited();
    expect(await invitationPageState(database, token, invitee.id, new Date())).toMatchObject({
      kind: 'accept',
      invitation: { teamName: team.name, teamSlug: team.slug, role: 'admin', email: invitee.email, invitedByName: owner.name },
    });
  });

  it('tells a host signed in with another address which address it is for', async () => {
    const { owner, invitee, token } = await invited();
    expect(await invitationPageState(database, token, owner.id, new Date())).toMatchObject({ kind: 'other-account', signedInAs: owner.email, invitation: { email: invitee.email } });
  });

  it('offers a signed-out visitor sign-in and sign-up', async () => {
    const { token, invitee } = await invited();
    expect(await invitationPageState(database, token, null, new Date())).toMatchObject({ kind: 'signed-out', invitation: { email: invitee.email } });
  });

  it('explains a used, expired, revoked or unknown link, naming the team but not the address', async () => {
    const used = await invited();
    await acceptInvitation(as(used.invitee.id), { token: used.token });
    const usedState = await invitationPageState(database, used.token, null, new Date());
    expect(usedState).toEqual({ kind: 'problem', problem: 'used', teamName: used.team.name });

    const expiring = await invited();
    expect(await invitationPageState(database, expiring.token, expiring.invitee.id, new Date(Date.now() + 7 * DAY + 60_000))).toEqual({ kind: 'problem', problem: 'expired', teamName: expiring.team.name });

    const revoked = await invited();
    await revokeInvitation(as(revoked.owner.id), { teamId: revoked.team.id, invitationId: revoked.invitation.id });
    expect(await invitationPageState(database, revoked.token, revoked.invitee.id, new Date())).toEqual({ kind: 'problem', problem: 'revoked', teamName: revoked.team.name });

    for (const junk of ['A'.repeat(43), 'short', '../../etc', '', undefined]) {
      expect(await invitationPageState(database, junk, null, new Date())).toEqual({ kind: 'problem', problem: 'invalid', teamName: null });
    }
  });
});
