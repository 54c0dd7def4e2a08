import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { isUuid } from '@/lib/ids';
import { type WebhookEndpointView, webhookEndpointView } from './owned-endpoint';

export async function listWebhookEndpoints(ctx: HostContext): Promise<WebhookEndpointView[]> {
  return ctx.database.select(webhookEndpointView).from(webhookEndpoints).where(eq(webhookEndpoints.userId, ctx.actor.userId)).orderBy(asc(webhookEndpoints.createdAt));
}

/** One of the acting host's endpoints (never its secret); another host's reads as missing. */
export async function getWebhookEndpoint(ctx: HostContext, input: { id: string }): Promise<WebhookEndpointView> {
  if (!isUuid(input.id)) throw notFound('Webhook endpoint');
  const [endpoint] = await ctx.database
    .select(webhookEndpointView)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.userId, ctx.actor.userId)));
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}
