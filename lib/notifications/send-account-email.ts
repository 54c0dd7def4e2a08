import 'server-only';
import { render } from '@react-email/render';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type AccountTokenPurpose, accountTokens, emailNotifications, users } from '@/db/schema';
import AccountLinkEmail, { type AccountLinkEmailData } from '@/emails/account-link-email';
import { issuedAccountToken } from '@/lib/hosts/accounts/account-tokens';
import { env } from '@/lib/env';
import { type Outcome, sendRecordedEmail } from './deliver-email';
import { mayMailHostAddress } from './host-address-policy';
import { mailTransport } from './transport';

// Mails one account link, once per token (email_notifications.account_token_id is unique). The link
// is derived again here from the token row, and the stored copy keeps the body only when mail is
// captured (the dev inbox needs it): with a real provider, no readable link is ever stored.

const words: Record<AccountTokenPurpose, { path: string; subject: string; body: string; actionLabel: string; footnote: string }> = {
  verify_email: {
    path: '/verify-email',
    subject: 'Confirm your email address',
    body: 'Confirm this address so your booking page can take bookings and Rendezvous can email you about them.',
    actionLabel: 'Confirm email address',
    footnote: 'This link works once, for 24 hours. If you did not sign up for Rendezvous, ignore this email: nothing happens without it.',
  },
  change_email: {
    path: '/verify-email',
    subject: 'Confirm your new email address',
    body: 'You asked to use this address for your Rendezvous account. Confirm it, and it replaces your old one.',
    actionLabel: 'Confirm new address',
    footnote: 'This link works once, for 24 hours. If you did not ask for this, ignore this email: your account keeps its address.',
  },
  reset_password: {
    path: '/reset-password',
    subject: 'Reset your Rendezvous password',
    body: 'Someone asked to reset the password of the Rendezvous account with this address. Choose a new password with the button below.',
    actionLabel: 'Choose a new password',
    footnote: 'This link works once, for 1 hour. If you did not ask for it, ignore this email: your password stays as it is.',
  },
};

export async function sendAccountEmail(database: Database, tokenId: string, now = new Date()): Promise<Outcome | 'skipped'> {
  const [row] = await database
    .select({ token: accountTokens, host: { name: users.name, verified: users.emailVerified, deletedAt: users.deletedAt } })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.id, tokenId));
  if (!row || row.token.usedAt || row.token.expiresAt <= now || row.host.deletedAt) return 'skipped';
  if (!mayMailHostAddress(row.token.purpose, row.host.verified !== null)) return 'skipped';
  const [sentBefore] = await database.select().from(emailNotifications).where(eq(emailNotifications.accountTokenId, tokenId));
  if (sentBefore && sentBefore.status !== 'pending') return sentBefore.status;
  const token = issuedAccountToken(row.token);
  if (!token) return 'skipped';

  const chosen = words[row.token.purpose];
  const url = new URL(chosen.path, env().APP_URL);
  url.searchParams.set('token', token);
  const data: AccountLinkEmailData = { heading: chosen.subject, greeting: `Hi ${row.host.name},`, body: chosen.body, actionLabel: chosen.actionLabel, actionUrl: url.toString(), footnote: chosen.footnote };
  const element = AccountLinkEmail(data);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const keepBody = mailTransport().kind === 'capture';
  await database
    .insert(emailNotifications)
    .values({ accountTokenId: tokenId, recipientEmail: row.token.email, notificationType: row.token.purpose, subject: chosen.subject, body: keepBody ? html : null, textBody: keepBody ? text : null, attachments: [], fromAddress: env().EMAIL_FROM, replyTo: env().EMAIL_FROM })
    .onConflictDoNothing();
  const [record] = await database.select({ id: emailNotifications.id }).from(emailNotifications).where(eq(emailNotifications.accountTokenId, tokenId));
  if (!record) throw new Error(`email record for account token ${tokenId} vanished`);
  return sendRecordedEmail(
    database,
    record.id,
    { from: env().EMAIL_FROM, to: row.token.email, replyTo: env().EMAIL_FROM, subject: chosen.subject, html, text, attachments: [] },
    `rendezvous/account/${tokenId}`,
    `${row.token.purpose} mail`,
  );
}
