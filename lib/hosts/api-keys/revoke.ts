import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { HostContext } from '../host-write';

/** Revokes one of the acting host's keys; its next request gets 401. Revoking twice is a no-op. */
export async function revokeApiKey(ctx: HostContext, input: { id: string }): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw notFound('API key');
  const hostUserId = ctx.actor.userId;
  const [owned] = await ctx.database
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, input.id), eq(apiKeys.userId, hostUserId)));
  if (!owned) throw notFound('API key');
  await ctx.database
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt)));
  return { id: input.id };
}
