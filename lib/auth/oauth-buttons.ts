import { env } from '@/lib/env';

/** The OAuth sign-in buttons to show: a provider appears only when its client id and secret are set. */
export function configuredOAuthProviders(): { id: 'google' | 'microsoft-entra-id'; name: string }[] {
  const config = env();
  return [
    ...(config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET ? [{ id: 'google' as const, name: 'Google' }] : []),
    ...(config.MICROSOFT_CLIENT_ID && config.MICROSOFT_CLIENT_SECRET ? [{ id: 'microsoft-entra-id' as const, name: 'Microsoft' }] : []),
  ];
}
