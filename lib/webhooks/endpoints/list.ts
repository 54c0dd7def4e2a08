import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import type { HostContext } from '@/lib/hosts/host-write';
import { type WebhookEndpointView, webhookEndpointView } from './owned-endpoint';

export async function listWebhookEndpoints(ctx: HostContext): Promise<WebhookEndpointView[]> {
  return ctx.database.select(webhookEndpointView).from(webhookEndpoints).where(eq(webhookEndpoints.userId, ctx.actor.userId)).orderBy(asc(webhookEndpoints.createdAt));
}
