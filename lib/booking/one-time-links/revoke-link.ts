import { and, eq, isNull } from 'drizzle-orm';
import { oneTimeLinks } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { isUuid } from '@/lib/ids';

/**
 * The host takes back a link not yet used. A conditional update: a link a booking consumed meanwhile
 * stays used. Another host's, an unknown, a used or an already revoked link is the same 404.
 */
export async function revokeOneTimeLink(ctx: HostContext, input: { id: string }): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw notFound('One-time link');
  const [revoked] = await ctx.database
    .update(oneTimeLinks)
    .set({ revokedAt: new Date(ctx.now) })
    .where(and(eq(oneTimeLinks.id, input.id), eq(oneTimeLinks.hostUserId, ctx.actor.userId), isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt)))
    .returning({ id: oneTimeLinks.id });
  if (!revoked) throw notFound('One-time link');
  return revoked;
}
