import 'server-only';
import { eq } from 'drizzle-orm';
import { OAuth2RequestError } from 'arctic';
import { calendarConnections } from '@/db/schema';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { markReauthRequired } from './connection-status';
import { type OAuthProvider, requireProviderConfig } from './provider-config';
import { accessTokenContext, openToken, refreshTokenContext, sealToken } from './token-vault';

// A usable access token for a connection, refreshed shortly before it expires. One refresh at a
// time per connection: the refresh runs holding the connection's row lock, and a waiter that gets
// the lock afterwards finds the fresh token and uses it. A refusal of the grant itself marks the
// connection reauth_required (and the host is told once) instead of failing silently forever.

export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;
/** OAuth error codes that mean the consent is gone: only the host reconnecting can fix them. */
const CONSENT_GONE = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'unauthorized_client']);

export class ReauthRequiredError extends Error {
  constructor(readonly connectionId: string) {
    super(`Calendar connection ${connectionId} needs the host to reconnect`);
    this.name = 'ReauthRequiredError';
  }
}

/** The token endpoint gets this long; the refresh holds the connection's row lock meanwhile. */
export const REFRESH_TIMEOUT_MS = 15_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`token refresh took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `markReauth: false` (disconnecting): a refused grant only throws; the host who is removing the
 * connection is not emailed about reconnecting it.
 */
export async function freshAccessToken(deps: HostWriteDeps, connectionId: string, now = Date.now(), options: { markReauth?: boolean } = {}): Promise<string> {
  type Outcome = { token: string } | { reauth: string };
  const outcome = await deps.database.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId)).for('update');
    if (!row || row.provider === 'ics') throw new Error(`No OAuth calendar connection ${connectionId}`);
    if (row.status === 'reauth_required') return { reauth: 'already' };
    if (row.accessTokenEncrypted && row.expiresAt && row.expiresAt.getTime() - now > REFRESH_BEFORE_EXPIRY_MS) {
      return { token: openToken(row.accessTokenEncrypted, accessTokenContext(row.id)) };
    }
    if (!row.refreshTokenEncrypted) return { reauth: 'no refresh token' };
    const config = requireProviderConfig(row.provider as OAuthProvider);
    const refreshToken = openToken(row.refreshTokenEncrypted, refreshTokenContext(row.id));
    try {
      const tokens = await withTimeout(config.client.refreshAccessToken(config.tokenEndpoint, refreshToken, config.scopes), REFRESH_TIMEOUT_MS);
      const accessToken = tokens.accessToken();
      await tx
        .update(calendarConnections)
        .set({
          accessTokenEncrypted: sealToken(accessToken, accessTokenContext(row.id)),
          // Microsoft rotates refresh tokens; Google keeps the old one valid and sends none.
          ...(tokens.hasRefreshToken() ? { refreshTokenEncrypted: sealToken(tokens.refreshToken(), refreshTokenContext(row.id)) } : {}),
          expiresAt: tokens.accessTokenExpiresAt(),
          lastError: null,
        })
        .where(eq(calendarConnections.id, row.id));
      return { token: accessToken };
    } catch (error) {
      if (error instanceof OAuth2RequestError && CONSENT_GONE.has(error.code)) return { reauth: `${error.code}${error.description ? `: ${error.description}` : ''}` };
      throw error;
    }
  });
  if ('token' in outcome) return outcome.token;
  if (outcome.reauth !== 'already' && options.markReauth !== false) await markReauthRequired(deps, connectionId, `Token refresh refused (${outcome.reauth})`);
  throw new ReauthRequiredError(connectionId);
}
