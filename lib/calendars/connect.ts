import 'server-only';
import { CodeChallengeMethod } from 'arctic';
import type { HostContext } from '@/lib/hosts/host-write';
import { providerFor } from './adapters';
import { consumeOAuthState, createOAuthState } from './oauth-state';
import { type OAuthProvider, requireProviderConfig } from './provider-config';
import { saveOAuthConnection } from './save-connection';

// The connect flow: our route → the provider's consent page (signed single-use state, PKCE S256,
// offline access) → our callback → tokens sealed in calendar_connections (never Auth.js's accounts).

export async function startConnect(ctx: HostContext, input: { provider: OAuthProvider }): Promise<URL> {
  const config = requireProviderConfig(input.provider);
  const { state, codeVerifier } = await createOAuthState(ctx.database, ctx.actor.userId, input.provider, ctx.now);
  const url = config.client.createAuthorizationURLWithPKCE(config.authorizationEndpoint, state, CodeChallengeMethod.S256, codeVerifier, config.scopes);
  for (const [name, value] of Object.entries(config.authorizationParameters)) url.searchParams.set(name, value);
  return url;
}

/** What the provider sent back to the callback, for the provider the host chose. */
export interface CallbackParameters {
  provider: OAuthProvider;
  code: string;
  state: string;
}

/** Exchanges the code, stores the connection and its calendars; returns the connection id. */
export async function completeConnect(ctx: HostContext, callback: CallbackParameters): Promise<string> {
  const { database } = ctx;
  const hostUserId = ctx.actor.userId;
  const { provider } = callback;
  const codeVerifier = await consumeOAuthState(database, hostUserId, provider, callback.state, ctx.now);
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
