import 'server-only';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { generateCodeVerifier } from 'arctic';
import type { Queryable } from '@/db/client';
import { calendarOauthStates } from '@/db/schema';
import { signingSecrets } from '@/lib/secrets/signing-secrets';
import { AppError } from '@/lib/errors';
import type { OAuthProvider } from './provider-config';

// The `state` of a connect attempt: signed (HMAC over host, provider and a random nonce), single-use
// (its row is deleted as it is read) and short-lived (10 minutes). The PKCE verifier waits in the row.

export const STATE_LIFETIME_MS = 10 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const signature = (secret: string, hostUserId: string, provider: OAuthProvider, nonce: string) =>
  createHmac('sha256', secret).update(`calendar-connect:${provider}:${hostUserId}:${nonce}`).digest('base64url');

export async function createOAuthState(database: Queryable, hostUserId: string, provider: OAuthProvider, now: number) {
  const nonce = randomBytes(32).toString('base64url');
  const [secret] = signingSecrets();
  const codeVerifier = generateCodeVerifier();
  // Abandoned attempts of this host go as new ones start, so rows stay few.
  await database.delete(calendarOauthStates).where(and(eq(calendarOauthStates.userId, hostUserId), lt(calendarOauthStates.expiresAt, new Date(now))));
  await database.insert(calendarOauthStates).values({ stateHash: sha256(nonce), userId: hostUserId, provider, codeVerifier, expiresAt: new Date(now + STATE_LIFETIME_MS) });
  return { state: `${nonce}.${signature(secret!, hostUserId, provider, nonce)}`, codeVerifier };
}

const invalidState = () => new AppError('invalid_request', 'This connection attempt has expired or was already used. Please start again.');

/** The attempt's PKCE verifier; refuses a forged, foreign, reused or expired state. */
export async function consumeOAuthState(database: Queryable, hostUserId: string, provider: OAuthProvider, state: string, now: number): Promise<string> {
  const [nonce, mac] = state.split('.');
  if (!nonce || !mac || nonce.length > 100) throw invalidState();
  const signed = signingSecrets().some((secret) => {
    const expected = Buffer.from(signature(secret, hostUserId, provider, nonce));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!signed) throw invalidState();
  const [row] = await database
    .delete(calendarOauthStates)
    .where(and(eq(calendarOauthStates.stateHash, sha256(nonce)), eq(calendarOauthStates.userId, hostUserId), eq(calendarOauthStates.provider, provider), sql`${calendarOauthStates.expiresAt} > ${new Date(now).toISOString()}`))
    .returning();
  if (!row) throw invalidState();
  return row.codeVerifier;
}
