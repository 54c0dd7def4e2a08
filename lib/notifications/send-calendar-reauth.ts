import 'server-only';
import { render } from '@react-email/render';
import { and, eq, gte } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { emailNotifications, users } from '@/db/schema';
import CalendarReauthEmail from '@/emails/calendar-reauth-email';
import { env } from '@/lib/env';
import { mayMailHostAddress } from './host-address-policy';
import { mailTransport } from './transport';

// The host's "reconnect your calendar" email. The calendar code records one event per loss of
// consent (the flip to reauth_required); a message recorded after that event means it was sent
// already, and the event id is the provider's idempotency key, so a re-delivery does not mail twice.

const labels = { google: 'Google Calendar', microsoft: 'Microsoft 365' } as const;

export async function sendCalendarReauth(
  database: Database,
  event: { id: string; ts: number },
  data: { hostUserId: string; provider: 'google' | 'microsoft'; accountEmail: string | null },
): Promise<'sent' | 'captured' | 'skipped'> {
  const [host] = await database.select({ email: users.email, name: users.name, verified: users.emailVerified, deletedAt: users.deletedAt }).from(users).where(eq(users.id, data.hostUserId));
  if (!host || !mayMailHostAddress('calendar_reauth', host.verified !== null && host.deletedAt === null)) return 'skipped';
  const [already] = await database
    .select({ id: emailNotifications.id })
    .from(emailNotifications)
    .where(and(eq(emailNotifications.recipientEmail, host.email), eq(emailNotifications.notificationType, 'calendar_reauth'), gte(emailNotifications.createdAt, new Date(event.ts))));
  if (already) return 'skipped';
  const element = CalendarReauthEmail({
    hostName: host.name,
    providerLabel: labels[data.provider],
    accountEmail: data.accountEmail,
    reconnectUrl: new URL('/dashboard/integrations', env().APP_URL).toString(),
  });
  const subject = `Reconnect ${labels[data.provider]} to Rendezvous`;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const transport = mailTransport();
  const { providerMessageId } = await transport.send(
    { from: env().EMAIL_FROM, to: host.email, replyTo: env().EMAIL_FROM, subject, html, text, attachments: [] },
    `rendezvous/calendar-reauth/${event.id}`,
  );
  const status = transport.kind === 'capture' ? 'captured' : 'sent';
  await database.insert(emailNotifications).values({
    bookingId: null,
    recipientEmail: host.email,
    notificationType: 'calendar_reauth',
    subject,
    body: html,
    textBody: text,
    attachments: [],
    status,
    attempts: 1,
    providerMessageId,
    sentAt: new Date(),
  });
  return status;
}
