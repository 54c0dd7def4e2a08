import 'server-only';
import { render } from '@react-email/render';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { emailNotifications, teamInvitations, teams, users } from '@/db/schema';
import AccountLinkEmail, { type AccountLinkEmailData } from '@/emails/account-link-email';
import { env } from '@/lib/env';
import { invitationToken } from '@/lib/hosts/teams/invitation-tokens';
import { localeFromTag } from '@/lib/i18n/negotiate-locale';
import { defaultLocale } from '@/lib/i18n/locales';
import { emailTranslator } from '@/lib/i18n/translator';
import { type Outcome, sendRecordedEmail } from './deliver-email';
import { mailTransport } from './transport';

// Mails one team invitation, once per invitation row (email_notifications.team_invitation_id is
// unique; a resend is a new row). The link is derived again from the row, and the stored copy keeps
// the body only when mail is captured (the dev inbox needs it), as account links do. The words are in
// the inviter's language (the invited address may have no account to read one from).

export async function sendTeamInvitation(database: Database, invitationId: string, now = new Date()): Promise<Outcome | 'skipped'> {
  const [row] = await database
    .select({ invitation: teamInvitations, team: { name: teams.name }, inviter: { name: users.name, locale: users.locale } })
    .from(teamInvitations)
    .innerJoin(teams, eq(teams.id, teamInvitations.teamId))
    .leftJoin(users, eq(users.id, teamInvitations.invitedByUserId))
    .where(eq(teamInvitations.id, invitationId));
  const invitation = row?.invitation;
  if (!row || !invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) return 'skipped';
  const [sentBefore] = await database.select().from(emailNotifications).where(eq(emailNotifications.teamInvitationId, invitationId));
  if (sentBefore && sentBefore.status !== 'pending') return sentBefore.status;
  const token = invitationToken(invitation);
  if (!token) return 'skipped';

  const locale = localeFromTag(row.inviter?.locale) ?? defaultLocale;
  const t = emailTranslator(locale);
  const url = new URL(`/teams/invitations/${token}`, env().APP_URL).toString();
  const subject = t('teamInviteSubject', { team: row.team.name });
  const data: AccountLinkEmailData = {
    lang: locale,
    heading: subject,
    body: t('teamInviteBody', { inviter: row.inviter?.name ?? t('teamInviteSomeone'), team: row.team.name, role: invitation.role }),
    actionLabel: t('teamInviteAction'),
    actionUrl: url,
    linkLead: t('teamInviteLinkLead'),
    footnote: t('teamInviteFootnote', { email: invitation.email }),
  };
  const element = AccountLinkEmail(data);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const keepBody = mailTransport().kind === 'capture';
  await database
    .insert(emailNotifications)
    .values({ teamInvitationId: invitationId, recipientEmail: invitation.email, notificationType: 'team_invitation', subject, body: keepBody ? html : null, textBody: keepBody ? text : null, attachments: [], fromAddress: env().EMAIL_FROM, replyTo: env().EMAIL_FROM })
    .onConflictDoNothing();
  const [record] = await database.select({ id: emailNotifications.id }).from(emailNotifications).where(eq(emailNotifications.teamInvitationId, invitationId));
  if (!record) throw new Error(`email record for team invitation ${invitationId} vanished`);
  return sendRecordedEmail(
    database,
    record.id,
    { from: env().EMAIL_FROM, to: invitation.email, replyTo: env().EMAIL_FROM, subject, html, text, attachments: [] },
    `rendezvous/team-invitation/${invitationId}`,
    'team invitation mail',
  );
}
