import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
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
 * A delivery whose attempt is running now: a runner claimed it (its next_attempt_at pushed ahead as a
 * lease, its attempt counted) and has not logged that attempt yet. A lease of a killed runner runs
 * out, and then the delivery is due, so it is not in flight any more.
 */
const inFlight = (now: Date) => sql`(${webhookDeliveries.status} = 'pending' and ${webhookDeliveries.attempts} > 0
  and ${webhookDeliveries.nextAttemptAt} > ${now.toISOString()}::timestamptz
  and not exists (select 1 from ${webhookAttempts} where ${webhookAttempts.deliveryId} = ${webhookDeliveries.id}
    and ${webhookAttempts.attemptNumber} = ${webhookDeliveries.attempts}))`;

/**
 * Sends a delivery again, under its own `webhook-id` (a receiver that saw it de-duplicates it): one
 * more attempt now; if that fails, it goes on with the retry schedule where it was (or ends, if done).
 * Refused (409) while an attempt of it is running, which would otherwise be sent a second time at
 * once; a resend asked for twice before the runner picks it up is one attempt.
 */
export async function resendWebhookDelivery(ctx: HostContext, input: { deliveryId: string }): Promise<{ deliveryId: string }> {
  const [row] = await ctx.database
    .select({ endpointId: webhookDeliveries.endpointId, enabled: webhookEndpoints.enabled })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookEndpoints.userId, ctx.actor.userId)));
  if (!row) throw notFound('Webhook delivery');
  await assertMaySend(ctx, row);
  const now = new Date(ctx.now);
  // One statement: the claim's UPDATE and this one take the row's lock in turn, so the check sees the lease.
  const queued = await ctx.database
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now })
    .where(and(eq(webhookDeliveries.id, input.deliveryId), sql`not ${inFlight(now)}`))
    .returning({ id: webhookDeliveries.id });
  if (queued.length === 0) throw new AppError('conflict', 'This delivery is being sent right now. Its result will show in the log in a few seconds; resend it after that if you still need to.');
  await sendRequest('webhook/delivery-requested', { endpointId: row.endpointId });
  return { deliveryId: input.deliveryId };
}
