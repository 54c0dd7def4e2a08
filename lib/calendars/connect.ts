import 'server-only';
import { CodeChallengeMethod } from 'arctic';
import type { Database } from '@/db/client';
import { providerFor } from './adapters';
import { consumeOAuthState, createOAuthState } from './oauth-state';
import { type OAuthProvider, requireProviderConfig } from './provider-config';
import { saveOAuthConnection } from './save-connection';

// The connect flow: our route → the provider's consent page (signed single-use state, PKCE S256,
// offline access) → our callback → tokens sealed in calendar_connections (never Auth.js's accounts).

export async function startConnect(database: Database, hostUserId: string, provider: OAuthProvider, now = Date.now()): Promise<URL> {
  const config = requireProviderConfig(provider);
  const { state, codeVerifier } = await createOAuthState(database, hostUserId, provider, now);
  const url = config.client.createAuthorizationURLWithPKCE(config.authorizationEndpoint, state, CodeChallengeMethod.S256, codeVerifier, config.scopes);
  for (const [name, value] of Object.entries(config.authorizationParameters)) url.searchParams.set(name, value);
  return url;
}

export interface CallbackParameters {
  code: string;
  state: string;
}

/** Exchanges the code, stores the connection and its calendars; returns the connection id. */
export async function completeConnect(database: Database, hostUserId: string, provider: OAuthProvider, callback: CallbackParameters, now = Date.now()): Promise<string> {
  const codeVerifier = await consumeOAuthState(database, hostUserId, provider, callback.state, now);
  const { config, adapter } = providerFor(provider);
  const tokens = await config.client.validateAuthorizationCode(config.tokenEndpoint, callback.code, codeVerifier);
  const accessToken = tokens.accessToken();
  const [accountEmail, calendars] = await Promise.all([adapter.accountEmail(accessToken), adapter.listCalendars(accessToken)]);
  return saveOAuthConnection(database, {
    hostUserId,
    provider,
    accountEmail,
    tokens: {
      accessToken,
      refreshToken: tokens.hasRefreshToken() ? tokens.refreshToken() : null,
      expiresAt: tokens.accessTokenExpiresAt(),
      scopes: tokens.hasScopes() ? tokens.scopes() : config.scopes,
    },
    calendars,
  });
}
