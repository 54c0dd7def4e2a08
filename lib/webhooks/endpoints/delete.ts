import 'server-only';
import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import type { HostContext } from '@/lib/hosts/host-write';
import { findOwnEndpoint } from './owned-endpoint';

/** Deletes the endpoint with its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(ctx: HostContext, input: { id: string }): Promise<{ id: string }> {
  await findOwnEndpoint(ctx.database, ctx.actor.userId, input.id);
  await ctx.database.delete(webhookEndpoints).where(eq(webhookEndpoints.id, input.id));
  return { id: input.id };
}
