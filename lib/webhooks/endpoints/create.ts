import 'server-only';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { newWebhookSecret, sealWebhookSecret } from '../signing';
import { acceptedWebhookUrl, type WebhookEndpointView, webhookEndpointView } from './owned-endpoint';
import type { WebhookEndpointInput } from './schemas';

/** Enough for any real integration; a bound on the requests one booking can cause. */
export const MAX_WEBHOOK_ENDPOINTS_PER_HOST = 10;

/** A new endpoint for the acting host. The secret is returned here and never again (rotate for a new one). */
export async function createWebhookEndpoint(ctx: HostContext, input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const hostUserId = ctx.actor.userId;
  const [existing] = await ctx.database.select({ count: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, hostUserId));
  if ((existing?.count ?? 0) >= MAX_WEBHOOK_ENDPOINTS_PER_HOST) {
    throw new AppError('conflict', `You can have at most ${MAX_WEBHOOK_ENDPOINTS_PER_HOST} webhook endpoints. Delete one you no longer use first.`);
  }
  const url = await acceptedWebhookUrl(input.url);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const [endpoint] = await ctx.database
    .insert(webhookEndpoints)
    .values({ id, userId: hostUserId, url, events: input.events, secretEncrypted: sealWebhookSecret(id, secret) })
    .returning(webhookEndpointView);
  return { endpoint: endpoint!, secret };
}
