import 'server-only';
import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '@/db/schema';
import type { HostContext } from '@/lib/hosts/host-write';
import { newWebhookSecret, sealWebhookSecret } from '../signing';
import { findOwnEndpoint } from './owned-endpoint';

/** A new secret, shown once; every attempt from now on (retries too) is signed with it. */
export async function rotateWebhookSecret(ctx: HostContext, input: { id: string }): Promise<{ secret: string }> {
  await findOwnEndpoint(ctx.database, ctx.actor.userId, input.id);
  const secret = newWebhookSecret();
  await ctx.database.update(webhookEndpoints).set({ secretEncrypted: sealWebhookSecret(input.id, secret) }).where(eq(webhookEndpoints.id, input.id));
  return { secret };
}
