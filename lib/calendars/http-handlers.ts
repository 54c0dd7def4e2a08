import 'server-only';
import { OAuth2RequestError } from 'arctic';
import { db } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { HostContext, HostWriteDeps } from '@/lib/hosts/host-write';
import { parseJsonBody } from '@/lib/http';
import { completeConnect, startConnect } from './connect';
import { graphNotificationsSchema, handleGraphNotifications, handleGoogleNotification } from './push/notifications';
import { ensureWatches } from './push/watch-lifecycle';
import type { OAuthProvider } from './provider-config';
import { syncConnection } from './sync-connection';
import { log } from '@/lib/log';

// What the integration routes do, so each route file stays a line: connect and callback (as the
// signed-in host, hostRoute's context), push (from the providers, for any host).

const pushDeps = (): HostWriteDeps => ({ database: db(), store: cacheStore() });
const redirect = (location: string) => new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } });
const integrationsPage = (query: Record<string, string>) => new URL(`/dashboard/integrations?${new URLSearchParams(query)}`, env().APP_URL).toString();

export async function connectRedirect(ctx: HostContext, input: { provider: OAuthProvider }): Promise<Response> {
  return redirect((await startConnect(ctx, input)).toString());
}

/** The provider sends the host back here; every outcome lands on the integrations page. */
export async function connectCallback(ctx: HostContext, input: { request: Request; provider: OAuthProvider }): Promise<Response> {
  const { provider } = input;
  const query = new URL(input.request.url).searchParams;
  const code = query.get('code');
  const state = query.get('state');
  if (!code || !state || query.has('error')) return redirect(integrationsPage({ error: query.get('error') === 'access_denied' ? 'denied' : 'failed', provider }));
  let connectionId: string;
  try {
    connectionId = await completeConnect(ctx, { provider, code, state });
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_request') return redirect(integrationsPage({ error: 'expired', provider }));
    // Refused, unreachable or answering nonsense: the host sees it and can try again.
    log().warn({ provider, error: error instanceof OAuth2RequestError ? error.code : error instanceof Error ? error.message : String(error) }, 'calendar connect failed');
    return redirect(integrationsPage({ error: 'failed', provider }));
  }
  // The first sync runs before the host sees the page, so their events block slots right away.
  await syncConnection(ctx, connectionId);
  await ensureWatches(ctx, connectionId).catch((error: unknown) => log().warn({ connectionId, error: String(error) }, 'opening calendar channels failed'));
  return redirect(integrationsPage({ connected: provider }));
}

/** Push deliveries; `using` lets a test count the queries one request costs. */
export async function googleNotification(request: Request, using: HostWriteDeps = pushDeps()): Promise<Response> {
  const header = (name: string) => request.headers.get(name);
  await handleGoogleNotification(using, {
    channelId: header('x-goog-channel-id'),
    token: header('x-goog-channel-token'),
    resourceState: header('x-goog-resource-state'),
    messageNumber: header('x-goog-message-number'),
  });
  // Google retries anything but 2xx; an ignored notification is still "received".
  return new Response(null, { status: 200 });
}

export async function microsoftNotification(request: Request, using: HostWriteDeps = pushDeps()): Promise<Response> {
  // Subscription validation: echo the token as text/plain within 10 seconds, nothing else.
  const validationToken = new URL(request.url).searchParams.get('validationToken');
  if (validationToken !== null) {
    return new Response(validationToken.slice(0, 1024), { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  // The body is capped (MAX_BODY_BYTES) before it is parsed; the batch size is bounded by the handler.
  const body = await parseJsonBody(request, graphNotificationsSchema);
  await handleGraphNotifications(using, body);
  return new Response(null, { status: 202 });
}
