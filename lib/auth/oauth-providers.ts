import 'server-only';
import { customFetch } from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Google from 'next-auth/providers/google';
import MicrosoftEntraID from 'next-auth/providers/microsoft-entra-id';
import { env } from '@/lib/env';

// "Continue with Google / Microsoft": OIDC providers, present only when their client ids are set.
// GOOGLE_API_ORIGIN / MICROSOFT_API_ORIGIN (the local fakes, as for calendars) receive every request
// Auth.js makes to the provider (discovery, token, userinfo, keys) on the real paths, and the
// browser's consent page too.

type FetchArgs = Parameters<typeof fetch>;

/** fetch, with the provider's host swapped for `origin` (path and query kept). */
function fetchThrough(origin: string, transform?: (url: URL, response: Response) => Promise<Response>) {
  return async (...[input, init]: FetchArgs): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const target = new URL(`${url.pathname}${url.search}`, origin);
    const response = await fetch(input instanceof Request ? new Request(target, input) : target, init);
    return transform ? transform(url, response) : response;
  };
}

/**
 * Entra's multi-tenant discovery names its issuer `…/{tenantid}/v2.0`; Auth.js's own Entra fetch fills
 * in the tenant, and replacing that fetch (for the fake) must too.
 */
function fillTenant(tenant: string) {
  return async (url: URL, response: Response): Promise<Response> => {
    if (!url.pathname.endsWith('/.well-known/openid-configuration')) return response;
    const document = (await response.json()) as { issuer: string };
    return Response.json({ ...document, issuer: document.issuer.replace('{tenantid}', tenant) });
  };
}

/** Auth.js keeps a provider's own fetch over one passed in its options (Entra has one): set it on the provider. */
function withFetch<P extends Provider>(provider: P, fetchFn: ((...args: FetchArgs) => Promise<Response>) | null): P {
  if (fetchFn) (provider as unknown as Record<symbol, unknown>)[customFetch] = fetchFn;
  return provider;
}

const isMultiTenant = (tenant: string) => ['common', 'organizations', 'consumers'].includes(tenant.toLowerCase());

export function oauthProviders(): Provider[] {
  const config = env();
  const providers: Provider[] = [];
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    const origin = config.GOOGLE_API_ORIGIN;
    const google = Google({
      clientId: config.GOOGLE_CLIENT_ID,
      clientSecret: config.GOOGLE_CLIENT_SECRET,
      // A Google account joins an existing host only under the signIn callback's rules (auth.ts).
      allowDangerousEmailAccountLinking: true,
      ...(origin ? { authorization: { url: new URL('/o/oauth2/v2/auth', origin).toString() } } : {}),
    });
    providers.push(withFetch(google, origin ? fetchThrough(origin) : null));
  }
  if (config.MICROSOFT_CLIENT_ID && config.MICROSOFT_CLIENT_SECRET) {
    const origin = config.MICROSOFT_API_ORIGIN;
    const tenant = config.MICROSOFT_TENANT;
    const microsoft = MicrosoftEntraID({
      clientId: config.MICROSOFT_CLIENT_ID,
      clientSecret: config.MICROSOFT_CLIENT_SECRET,
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      allowDangerousEmailAccountLinking: true,
      // The claims are enough: the stock profile also downloads a Graph photo we never show.
      profile: (profile) => ({ id: profile.sub, name: profile.name, email: profile.email, image: null }),
      ...(origin ? { authorization: { url: new URL(`/${tenant}/oauth2/v2.0/authorize`, origin).toString() } } : {}),
    });
    providers.push(withFetch(microsoft, origin ? fetchThrough(origin, fillTenant(tenant)) : null));
  }
  return providers;
}

/**
 * Whether the provider vouches for the address: Google's email_verified, or Entra's xms_edov
 * (domain-verified) unless one known tenant is configured (its admins own the addresses).
 */
export function providerVerifiedEmail(provider: string, profile: Record<string, unknown> | undefined): boolean {
  if (provider === 'google') return profile?.email_verified === true;
  if (provider === 'microsoft-entra-id') return !isMultiTenant(env().MICROSOFT_TENANT) || profile?.xms_edov === true;
  return false;
}
