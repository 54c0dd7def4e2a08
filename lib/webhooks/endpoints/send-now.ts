import 'server-only';
import { and, eq } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { hitLimit, rateLimited } from '@/lib/cache/rate-limit';
import { AppError, notFound } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { sendRequest } from '@/lib/jobs/event-sink';
import { newMessageId } from '../signing';
import { findOwnEndpoint } from './owned-endpoint';

// What the host sends by hand: a test event, or a delivery again. Both are rate limited per host
// (each is a request to the host's URL) and go through the same runner as every delivery.

async function assertMaySend(ctx: HostContext, endpoint: { enabled: boolean }): Promise<void> {
  if (!endpoint.enabled) throw new AppError('conflict', 'This endpoint is turned off. Turn it on first.');
  const verdict = await hitLimit('webhook-sends', ctx.actor.userId, ctx.now);
  if (!verdict.success) throw rateLimited(verdict, ctx.now, 'You have sent many webhooks by hand in the last hour. Please try again later.');
}

/** A `webhook.test` message to the endpoint, whatever events it asked for. */
export async function sendWebhookTestEvent(ctx: HostContext, input: { id: string }): Promise<{ deliveryId: string }> {
  const endpoint = await findOwnEndpoint(ctx.database, ctx.actor.userId, input.id);
  await assertMaySend(ctx, endpoint);
  const deliveryId = newMessageId();
  const now = new Date(ctx.now);
  const payload = { type: 'webhook.test', timestamp: now.toISOString(), data: { endpointId: endpoint.id, message: 'A test event from Rendezvous.' } };
  await ctx.database.insert(webhookDeliveries).values({ id: deliveryId, endpointId: endpoint.id, eventType: 'webhook.test', payload, nextAttemptAt: now });
  await sendRequest('webhook/delivery-requested', { endpointId: endpoint.id });
  return { deliveryId };
}

/**
 * Sends a delivery again, under its own `webhook-id` (a receiver that saw it de-duplicates it): one
 * more attempt now; if that fails, it goes on with the retry schedule where it was (or ends, if done).
 */
export async function resendWebhookDelivery(ctx: HostContext, input: { deliveryId: string }): Promise<{ deliveryId: string }> {
  const [row] = await ctx.database
    .select({ endpointId: webhookDeliveries.endpointId, enabled: webhookEndpoints.enabled })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookEndpoints.userId, ctx.actor.userId)));
  if (!row) throw notFound('Webhook delivery');
  await assertMaySend(ctx, row);
  await ctx.database.update(webhookDeliveries).set({ status: 'pending', nextAttemptAt: new Date(ctx.now) }).where(eq(webhookDeliveries.id, input.deliveryId));
  await sendRequest('webhook/delivery-requested', { endpointId: row.endpointId });
  return { deliveryId: input.deliveryId };
}
