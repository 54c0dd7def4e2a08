import 'server-only';
import { render } from '@react-email/render';
import { and, eq, gte } from 'drizzle-orm';
import type { ReactElement } from 'react';
import type { Database } from '@/db/client';
import { emailNotifications, users } from '@/db/schema';
import CalendarReauthEmail from '@/emails/calendar-reauth-email';
import CalendarSyncStoppedEmail from '@/emails/calendar-sync-stopped-email';
import { env } from '@/lib/env';
import { mayMailHostAddress } from './host-address-policy';
import { mailTransport } from './transport';

// The host's calendar emails: "reconnect" (consent gone) and "stopped syncing" (a day of
// failures). The calendar code records one event per flip of the connection's status; a message
// of that kind recorded after the event means it was sent already, and the event id is the
// provider's idempotency key, so a re-delivery does not mail twice.

const labels = { google: 'Google Calendar', microsoft: 'Microsoft 365', ics: 'ICS feed' } as const;
type Provider = keyof typeof labels;
type Outcome = 'sent' | 'captured' | 'skipped';

interface Notice {
  type: 'calendar_reauth' | 'calendar_sync_stopped' | 'webhook_disabled';
  subject: string;
  element: (host: { name: string }) => ReactElement;
}

/** One notice to the host, once per event (send-webhook-notice.ts uses it too). */
export async function sendCalendarNotice(database: Database, event: { id: string; ts: number }, hostUserId: string, notice: Notice): Promise<Outcome> {
  const [host] = await database
    .select({ email: users.email, name: users.name, verified: users.emailVerified, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, hostUserId));
  if (!host || !mayMailHostAddress(notice.type, host.verified !== null && host.deletedAt === null)) return 'skipped';
  const [already] = await database
    .select({ id: emailNotifications.id })
    .from(emailNotifications)
    .where(and(eq(emailNotifications.recipientEmail, host.email), eq(emailNotifications.notificationType, notice.type), gte(emailNotifications.createdAt, new Date(event.ts))));
  if (already) return 'skipped';
  const element = notice.element(host);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const transport = mailTransport();
  const { providerMessageId } = await transport.send(
    { from: env().EMAIL_FROM, to: host.email, replyTo: env().EMAIL_FROM, subject: notice.subject, html, text, attachments: [] },
    `rendezvous/${notice.type.replaceAll('_', '-')}/${event.id}`,
  );
  const status = transport.kind === 'capture' ? 'captured' : 'sent';
  await database.insert(emailNotifications).values({
    bookingId: null,
    recipientEmail: host.email,
    notificationType: notice.type,
    subject: notice.subject,
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

const integrationsUrl = () => new URL('/dashboard/integrations', env().APP_URL).toString();

export function sendCalendarReauth(
  database: Database,
  event: { id: string; ts: number },
  data: { hostUserId: string; provider: 'google' | 'microsoft'; accountEmail: string | null },
): Promise<Outcome> {
  return sendCalendarNotice(database, event, data.hostUserId, {
    type: 'calendar_reauth',
    subject: `Reconnect ${labels[data.provider]} to Rendezvous`,
    element: (host) => CalendarReauthEmail({ hostName: host.name, providerLabel: labels[data.provider], accountEmail: data.accountEmail, reconnectUrl: integrationsUrl() }),
  });
}

export function sendCalendarSyncStopped(
  database: Database,
  event: { id: string; ts: number },
  data: { hostUserId: string; provider: Provider; label: string | null; lastError: string | null },
): Promise<Outcome> {
  return sendCalendarNotice(database, event, data.hostUserId, {
    type: 'calendar_sync_stopped',
    subject: `${labels[data.provider]} stopped syncing with Rendezvous`,
    element: (host) => CalendarSyncStoppedEmail({ hostName: host.name, providerLabel: labels[data.provider], label: data.label, lastError: data.lastError, integrationsUrl: integrationsUrl() }),
  });
}
