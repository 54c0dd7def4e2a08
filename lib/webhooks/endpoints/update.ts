import 'server-only';
import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import type { HostContext } from '@/lib/hosts/host-write';
import { acceptedWebhookUrl, findOwnEndpoint, type WebhookEndpointView, webhookEndpointView } from './owned-endpoint';
import type { WebhookEndpointInput } from './schemas';

/** Replaces the URL and the events; the secret stays. Deliveries already recorded keep their payloads. */
export async function updateWebhookEndpoint(ctx: HostContext, input: { id: string; fields: WebhookEndpointInput }): Promise<WebhookEndpointView> {
  await findOwnEndpoint(ctx.database, ctx.actor.userId, input.id);
  const url = await acceptedWebhookUrl(input.fields.url);
  const [updated] = await ctx.database.update(webhookEndpoints).set({ url, events: input.fields.events }).where(eq(webhookEndpoints.id, input.id)).returning(webhookEndpointView);
  return updated!;
}
