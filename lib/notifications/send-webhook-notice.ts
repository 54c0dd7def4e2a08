import 'server-only';
import type { Database } from '@/db/client';
import WebhookDisabledEmail from '@/emails/webhook-disabled-email';
import { env } from '@/lib/env';
import { sendCalendarNotice } from './send-calendar-notice';

/** The host's one email when an endpoint is turned off after 3 days of failures. */
export function sendWebhookDisabled(database: Database, event: { id: string; ts: number }, data: { hostUserId: string; url: string }) {
  const webhooksUrl = new URL('/dashboard/settings/webhooks', env().APP_URL).toString();
  return sendCalendarNotice(database, event, data.hostUserId, {
    type: 'webhook_disabled',
    subject: 'A Rendezvous webhook endpoint was turned off',
    element: (host) => WebhookDisabledEmail({ hostName: host.name, url: data.url, webhooksUrl }),
  });
}
