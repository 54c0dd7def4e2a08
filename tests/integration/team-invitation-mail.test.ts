import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailNotifications, teamInvitations, users } from '@/db/schema';
import { hostContext } from '@/lib/hosts/host-write';
import { checkInvitation } from '@/lib/hosts/teams/invitation-tokens';
import { inviteMember, resendInvitation, revokeInvitation } from '@/lib/hosts/teams/invitations';
import { sendTeamInvitation } from '@/lib/notifications/send-team-invitation';
import { createHost, uniqueSuffix } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { insertTeam } from './team-fixtures';

const database = connectTestDatabase();
const as = (userId: string) => hostContext(depsFor(database), userId);

async function mailOf(invitationId: string) {
  const [mail] = await database.select().from(emailNotifications).where(eq(emailNotifications.teamInvitationId, invitationId));
  return mail;
}

const linkIn = (text: string | null | undefined) => text?.match(/https?:\/\/\S+\/teams\/invitations\/([A-Za-z0-9_-]{43})/)?.[1];

describe('the team invitation email', () => {
  it('mails the invited address once, with a link that opens the invitation', async () => {
    const owner = await createHost(database);
    const team = await insertTeam(database, [{ userId: owner.id, role: 'owner' }]);
    const email = `join-${uniqueSuffix()}@example.test`;
    const invited = await inviteMember(as(owner.id), { teamId: team.id, email, role: 'admin' });
    expect(await sendTeamInvitation(database, invited.id)).toBe('captured');
    expect(await sendTeamInvitation(database, invited.id)).toBe('captured');
    const rows = await database.select().from(emailNotifications).where(eq(emailNotifications.teamInvitationId, invited.id));
    expect(rows).toHaveLength(1);
    const mail = rows[0]!;
    expect(mail).toMatchObject({ recipientEmail: email, subject: `Join ${team.name} on Rendezvous`, notificationType: 'team_invitation' });
    expect(mail.textBody).toContain(`${owner.name} invited you to join the team ${team.name} as an admin`);
    const token = linkIn(mail.textBody);
    expect(token).toBeDefined();
    expect(await checkInvitation(database, token, new Date())).toMatchObject({ ok: true, invitation: { id: invited.id, email } });
  });

  it.each([
    ['de', 'Treten Sie', 'als Mitglied beizutreten'],
    ['fr', 'Rejoignez', 'en tant que membre'],
    ['es', 'Únete a', 'como miembro'],
  ])('is written in the inviter’s language (%s)', async (locale, subjectStart, roleWords) => {
    const owner = await createHost(database);
    await database.update(users).set({ locale: `${locale}-XX` }).where(eq(users.id, owner.id));
    const team = await insertTeam(database, [{ userId: owner.id, role: 'owner' }]);
    const invited = await inviteMember(as(owner.id), { teamId: team.id, email: `l-${uniqueSuffix()}@example.test`, role: 'member' });
    await sendTeamInvitation(database, invited.id);
    const mail = await mailOf(invited.id);
    expect(mail?.subject.startsWith(subjectStart)).toBe(true);
    expect(mail?.textBody).toContain(roleWords);
    expect(mail?.body).toContain(`lang="${locale}"`);
  });

  it('sends nothing for a revoked or replaced invitation', async () => {
    const owner = await createHost(database);
    const team = await insertTeam(database, [{ userId: owner.id, role: 'owner' }]);
    const invited = await inviteMember(as(owner.id), { teamId: team.id, email: `g-${uniqueSuffix()}@example.test`, role: 'member' });
    const resent = await resendInvitation(as(owner.id), { teamId: team.id, invitationId: invited.id });
    expect(await sendTeamInvitation(database, invited.id)).toBe('skipped');
    await revokeInvitation(as(owner.id), { teamId: team.id, invitationId: resent.id });
    expect(await sendTeamInvitation(database, resent.id)).toBe('skipped');
    expect(await mailOf(invited.id)).toBeUndefined();
    const [row] = await database.select().from(teamInvitations).where(eq(teamInvitations.id, resent.id));
    expect(row?.revokedAt).not.toBeNull();
  });
});
