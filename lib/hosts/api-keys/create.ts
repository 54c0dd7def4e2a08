import { and, count, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { hashToken } from '@/lib/secrets/token-hash';
import type { HostContext } from '../host-write';
import { generateApiKey, shownPrefix } from './key-format';
import { type ApiKeyView, apiKeyViewColumns } from './list';
import { type CreateApiKeyInput, MAX_API_KEYS_PER_HOST } from './schemas';

/**
 * A new key for the acting host. The key is in this reply and nowhere else: only its hash is stored.
 * Keys do not change slots, so this is a plain write rather than one through the host write seam.
 */
export async function createApiKey(ctx: HostContext, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKeyView }> {
  const hostUserId = ctx.actor.userId;
  const [active] = await ctx.database
    .select({ count: count() })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, hostUserId), isNull(apiKeys.revokedAt)));
  if ((active?.count ?? 0) >= MAX_API_KEYS_PER_HOST) {
    throw new AppError('conflict', `You can have at most ${MAX_API_KEYS_PER_HOST} active API keys; revoke one first.`);
  }
  const key = generateApiKey();
  const [apiKey] = await ctx.database
    .insert(apiKeys)
    .values({ userId: hostUserId, name: input.name, scope: input.scope, prefix: shownPrefix(key), keyHash: hashToken(key) })
    .returning(apiKeyViewColumns);
  if (!apiKey) throw new Error('api key insert returned no row');
  return { key, apiKey };
}
