import 'server-only';
import { OAuth2Client } from 'arctic';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

// Where each provider lives and what we ask it for. GOOGLE_API_ORIGIN / MICROSOFT_API_ORIGIN send
// every request (consent page, token, revoke, APIs) to one origin with the real paths: the test fakes.

export const oauthProviders = ['google', 'microsoft'] as const;
export type OAuthProvider = (typeof oauthProviders)[number];

export interface ProviderConfig {
  provider: OAuthProvider;
  label: string;
  client: OAuth2Client;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Null: the provider has no per-token revocation (Microsoft); disconnect then only forgets tokens. */
  revocationEndpoint: string | null;
  apiBase: string;
  scopes: string[];
  /** Extra consent-page parameters: offline access and a fresh refresh token every time. */
  authorizationParameters: Record<string, string>;
}

export const callbackUrl = (provider: OAuthProvider) => new URL(`/api/integrations/${provider}/callback`, env().APP_URL).toString();

/** Null when the provider's client id and secret are not configured. */
export function providerConfig(provider: OAuthProvider): ProviderConfig | null {
  const config = env();
  if (provider === 'google') {
    if (!config.GOOGLE_CLIENT_ID || !config.GOOGLE_CLIENT_SECRET) return null;
    const origin = config.GOOGLE_API_ORIGIN?.replace(/\/$/, '');
    return {
      provider,
      label: 'Google Calendar',
      client: new OAuth2Client(config.GOOGLE_CLIENT_ID, config.GOOGLE_CLIENT_SECRET, callbackUrl(provider)),
      authorizationEndpoint: `${origin ?? 'https://accounts.google.com'}/o/oauth2/v2/auth`,
      tokenEndpoint: `${origin ?? 'https://oauth2.googleapis.com'}/token`,
      revocationEndpoint: `${origin ?? 'https://oauth2.googleapis.com'}/revoke`,
      apiBase: `${origin ?? 'https://www.googleapis.com'}/calendar/v3`,
      scopes: [
        'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
        'https://www.googleapis.com/auth/calendar.freebusy',
        'https://www.googleapis.com/auth/calendar.events',
      ],
      authorizationParameters: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
    };
  }
  if (!config.MICROSOFT_CLIENT_ID || !config.MICROSOFT_CLIENT_SECRET) return null;
  const tenant = config.MICROSOFT_TENANT;
  const origin = config.MICROSOFT_API_ORIGIN?.replace(/\/$/, '');
  return {
    provider,
    label: 'Microsoft 365',
    client: new OAuth2Client(config.MICROSOFT_CLIENT_ID, config.MICROSOFT_CLIENT_SECRET, callbackUrl(provider)),
    authorizationEndpoint: `${origin ?? 'https://login.microsoftonline.com'}/${tenant}/oauth2/v2.0/authorize`,
    tokenEndpoint: `${origin ?? 'https://login.microsoftonline.com'}/${tenant}/oauth2/v2.0/token`,
    revocationEndpoint: null,
    apiBase: `${origin ?? 'https://graph.microsoft.com'}/v1.0`,
    scopes: ['offline_access', 'User.Read', 'Calendars.ReadWrite'],
    authorizationParameters: { prompt: 'select_account' },
  };
}

export function requireProviderConfig(provider: OAuthProvider): ProviderConfig {
  const config = providerConfig(provider);
  if (!config) throw new AppError('not_found', `${provider === 'google' ? 'Google' : 'Microsoft'} calendars are not configured on this server`);
  return config;
}
