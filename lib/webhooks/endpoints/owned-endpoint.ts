import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import { notFound, fieldError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { checkWebhookTarget, WebhookTargetRefused } from '../target';

// What every endpoint verb shares: the host's view of an endpoint (never its secret), the owner
// check (another host's endpoint reads as missing, like an unknown id) and the URL check at save.

export const webhookEndpointView = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  createdAt: webhookEndpoints.createdAt,
};

export type WebhookEndpointView = {
  [K in keyof typeof webhookEndpointView]: (typeof webhookEndpoints.$inferSelect)[K];
};

export async function findOwnEndpoint(database: Queryable, hostUserId: string, endpointId: string): Promise<typeof webhookEndpoints.$inferSelect> {
  if (!isUuid(endpointId)) throw notFound('Webhook endpoint');
  const [row] = await database
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, hostUserId)));
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

/** The URL as it will be stored, or a field error on `url` saying why it is refused. */
export async function acceptedWebhookUrl(raw: string): Promise<string> {
  try {
    return (await checkWebhookTarget(raw)).toString();
  } catch (error) {
    const message = error instanceof WebhookTargetRefused ? error.message : 'That URL cannot be used.';
    throw fieldError('invalid_request', 'url', message, { summary: 'Please check the highlighted fields.' });
  }
}
