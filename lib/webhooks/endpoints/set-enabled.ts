import 'server-only';
import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import type { HostContext } from '@/lib/hosts/host-write';
import { sendRequest } from '@/lib/jobs/event-sink';
import { acceptedWebhookUrl, findOwnEndpoint, type WebhookEndpointView, webhookEndpointView } from './owned-endpoint';

/**
 * Turns an endpoint off (by the host) or on again. Turning it on checks the URL again, forgets the
 * failure streak and sends what waited meanwhile (deliveries keep their retry schedule).
 */
export async function setWebhookEndpointEnabled(ctx: HostContext, input: { id: string; enabled: boolean }): Promise<WebhookEndpointView> {
  const current = await findOwnEndpoint(ctx.database, ctx.actor.userId, input.id);
  if (input.enabled) await acceptedWebhookUrl(current.url);
  const change = input.enabled ? { enabled: true, disabledReason: null, failingSince: null } : { enabled: false, disabledReason: current.enabled ? ('host' as const) : current.disabledReason };
  const [updated] = await ctx.database.update(webhookEndpoints).set(change).where(eq(webhookEndpoints.id, input.id)).returning(webhookEndpointView);
  if (input.enabled) await sendRequest('webhook/delivery-requested', { endpointId: input.id });
  return updated!;
}
