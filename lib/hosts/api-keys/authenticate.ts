import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { type ApiKeyScope, apiKeys } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { hashToken } from '@/lib/secrets/token-hash';
import { looksLikeApiKey } from './key-format';

// Who a host API request acts for: `Authorization: Bearer rdv_…` → the key's host and scope. One
// indexed read per request; last_used_at is written at most once a minute per key.

const LAST_USED_PRECISION_MS = 60_000;

export interface AuthenticatedKey {
  id: string;
  hostUserId: string;
  scope: ApiKeyScope;
}

function unauthorized(message: string): AppError {
  return new AppError('unauthorized', message);
}

/** The bearer token of an Authorization header, or null when there is none of that form. */
function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer +(\S+) *$/i);
  return match?.[1] ?? null;
}

/** 401 for no key, a malformed, unknown or revoked one (the same answer for each but the first). */
export async function authenticateApiKey(database: Queryable, authorization: string | null, now: number): Promise<AuthenticatedKey> {
  const token = bearerToken(authorization);
  if (token === null) throw unauthorized('Send an API key as "Authorization: Bearer rdv_…".');
  const invalid = unauthorized('This API key is not valid: it may be mistyped or revoked.');
  if (!looksLikeApiKey(token)) throw invalid;
  const [key] = await database
    .select({ id: apiKeys.id, hostUserId: apiKeys.userId, scope: apiKeys.scope, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashToken(token)), isNull(apiKeys.revokedAt)));
  if (!key) throw invalid;
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) await markUsed(database, key.id, now);
  return { id: key.id, hostUserId: key.hostUserId, scope: key.scope };
}

/** Conditional, so concurrent requests of one key write the row once a minute between them. */
async function markUsed(database: Queryable, keyId: string, now: number): Promise<void> {
  const cutoff = new Date(now - LAST_USED_PRECISION_MS);
  await database
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, cutoff))));
}
