import { randomBytes, randomUUID } from 'node:crypto';
import { FakeAuthorizationServer } from '../oauth/authorization-server';
import { FakeOidcKeys, type OidcIdentity } from '../oauth/oidc';
import { bearer, deliveryUrl, type FakeReply, type FakeRequest, json, startFakeServer } from '../oauth/fake-http';

// A local Microsoft: identity platform (/{tenant}/oauth2/v2.0/authorize and /token) and Graph v1.0
// (/me, /me/calendars, calendarView/delta with @odata.nextLink / @odata.deltaLink, calendarView,
// events create/update/delete with transactionId, subscriptions with the validation handshake), and
// OpenID Connect for "Sign in with Microsoft": discovery per tenant (multi-tenant documents name their
// issuer `…/{tenantid}/v2.0`, as Entra's do), JWKS and RS256 ID tokens carrying tid, oid and xms_edov.
// Point MICROSOFT_API_ORIGIN at `origin`.

const LOGIN = 'https://login.microsoftonline.com';

/** Entra's discovery document for a tenant path segment (real hosts: the app swaps them for the fake's). */
function entraDiscovery(tenantSegment: string) {
  const multiTenant = ['common', 'organizations', 'consumers'].includes(tenantSegment);
  return {
    token_endpoint: `${LOGIN}/${tenantSegment}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${LOGIN}/${tenantSegment}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${LOGIN}/${multiTenant ? '{tenantid}' : tenantSegment}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${LOGIN}/${tenantSegment}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${LOGIN}/${tenantSegment}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
  };
}

export interface GraphStoredEvent {
  id: string;
  calendarId: string;
  subject?: string;
  body?: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  showAs?: string;
  isCancelled?: boolean;
  responseStatus?: { response: string };
  attendees?: unknown[];
  transactionId?: string;
  isOnlineMeeting?: boolean;
  onlineMeeting?: { joinUrl: string } | null;
  removed?: boolean;
  seq: number;
}

export interface GraphSubscription {
  id: string;
  resource: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState: string;
  expirationDateTime: string;
}

const graphError = (status: number, code: string, message: string) => json(status, { error: { code, message } });
const utc = (iso: string) => ({ dateTime: iso.replace('Z', '').replace(/\.(\d{3})$/, '.$10000'), timeZone: 'UTC' });

export async function startMicrosoftFake(options: { tenant?: string; clientId?: string; clientSecret?: string; deliverTo?: string } = {}) {
  const tenant = options.tenant ?? 'common';
  const clientId = options.clientId ?? 'microsoft-client-id';
  const clientSecret = options.clientSecret ?? 'microsoft-client-secret';
  const auth = new FakeAuthorizationServer({ clientId, clientSecret, rotateRefreshTokens: true });
  const accountEmail = `host-${randomBytes(3).toString('hex')}@contoso.test`;
  const calendars = [{ id: `AAMk-${randomBytes(6).toString('hex')}`, name: 'Calendar', isDefaultCalendar: true, canEdit: true }];
  const events = new Map<string, GraphStoredEvent>();
  const subscriptions = new Map<string, GraphSubscription>();
  let seq = 0;
  let generation = 1;
  // Graph's throttling: the next N delta requests answer 429 with Retry-After (seconds).
  const throttle = { remaining: 0, retryAfterSeconds: 1 };
  let origin = '';
  const keys = new FakeOidcKeys();
  const tenantId = randomUUID();
  /** Who signs in with Microsoft next (tests change it); xms_edov: Entra vouches the domain is verified. */
  const identity: OidcIdentity & { domainVerified: boolean } = { sub: randomBytes(16).toString('base64url'), email: accountEmail, name: 'Microsoft Host', domainVerified: true };
  auth.issueIdToken = ({ nonce }) =>
    keys.idToken({
      issuer: `${LOGIN}/${tenantId}/v2.0`,
      audience: clientId,
      nonce,
      identity: { ...identity, claims: { ver: '2.0', tid: tenantId, oid: randomUUID(), preferred_username: identity.email, ...(identity.domainVerified ? { xms_edov: true } : {}) } },
    });

  const wire = ({ seq: _seq, calendarId: _calendar, removed: _removed, transactionId: _t, ...event }: GraphStoredEvent) => ({ '@odata.etag': `W/"${_seq}"`, type: 'singleInstance', ...event });

  function put(calendarId: string, event: Omit<GraphStoredEvent, 'id' | 'seq' | 'calendarId'> & { id?: string }): GraphStoredEvent {
    const stored: GraphStoredEvent = { showAs: 'busy', ...event, id: event.id ?? `AAMkEv${randomBytes(10).toString('base64url')}`, calendarId, seq: ++seq };
    events.set(stored.id, stored);
    return stored;
  }

  function delta(calendarId: string, query: URLSearchParams): FakeReply {
    const token = query.get('$deltatoken');
    const skip = Number(query.get('$skiptoken') ?? '0');
    let items: GraphStoredEvent[];
    let after: number | null = null;
    if (token) {
      const [tokenGeneration, tokenSeq] = token.split('.').map(Number);
      if (tokenGeneration !== generation) return graphError(410, 'SyncStateNotFound', 'The sync state generation is not found.');
      after = tokenSeq!;
      items = [...events.values()].filter((e) => e.calendarId === calendarId && e.seq > after!);
    } else {
      const start = Date.parse(query.get('startDateTime') ?? '');
      const end = Date.parse(query.get('endDateTime') ?? '');
      if (!Number.isFinite(start) || !Number.isFinite(end)) return graphError(400, 'ErrorInvalidParameter', 'startDateTime and endDateTime are required');
      items = [...events.values()].filter((e) => e.calendarId === calendarId && !e.removed && Date.parse(`${e.start.dateTime}Z`) < end && Date.parse(`${e.end.dateTime}Z`) > start);
    }
    const pageSize = 2;
    const page = items.slice(skip, skip + pageSize);
    const base = `${origin}/v1.0/me/calendars/${calendarId}/calendarView/delta`;
    const more = skip + pageSize < items.length;
    const carry: Record<string, string> = token ? { $deltatoken: token } : { startDateTime: query.get('startDateTime')!, endDateTime: query.get('endDateTime')! };
    return json(200, {
      '@odata.context': `${origin}/v1.0/$metadata#Collection(event)`,
      value: page.map((e) => (e.removed ? { '@removed': { reason: 'deleted' }, id: e.id } : wire(e))),
      ...(more
        ? { '@odata.nextLink': `${base}?${new URLSearchParams({ ...carry, $skiptoken: String(skip + pageSize) })}` }
        : { '@odata.deltaLink': `${base}?${new URLSearchParams({ $deltatoken: `${generation}.${seq}` })}` }),
    });
  }

  async function createSubscription(request: FakeRequest): Promise<FakeReply> {
    const body = JSON.parse(request.body) as Omit<GraphSubscription, 'id'>;
    // Graph validates the notification URL before creating anything: POST ?validationToken=…, expects the token back as text/plain.
    const validationToken = `Validation: ${randomBytes(8).toString('hex')}`;
    const started = Date.now();
    const answer = await fetch(`${deliveryUrl(body.notificationUrl, options.deliverTo)}?validationToken=${encodeURIComponent(validationToken)}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, signal: AbortSignal.timeout(10_000) }).catch(() => null);
    const text = answer ? await answer.text() : '';
    if (!answer || answer.status !== 200 || !answer.headers.get('content-type')?.startsWith('text/plain') || text !== validationToken || Date.now() - started > 10_000) {
      return graphError(400, 'ValidationError', 'Subscription validation request failed. Response must exactly match validationToken query parameter.');
    }
    const subscription = { ...body, id: randomUUID() };
    subscriptions.set(subscription.id, subscription);
    return json(201, subscription);
  }

  async function route(request: FakeRequest): Promise<FakeReply> {
    const path = request.url.pathname;
    if (request.method === 'GET' && path === `/${tenant}/oauth2/v2.0/authorize`) return auth.authorize(request);
    if (request.method === 'POST' && path === `/${tenant}/oauth2/v2.0/token`) return auth.token(request);
    const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (request.method === 'GET' && discovery) return json(200, entraDiscovery(discovery[1]!));
    if (request.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return json(200, keys.jwks());
    if (!path.startsWith('/v1.0/')) return json(404, {});
    if (!auth.isValidAccessToken(bearer(request))) return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
    const rest = path.slice('/v1.0'.length);
    if (request.method === 'GET' && rest === '/me') return json(200, { id: randomUUID(), mail: accountEmail, userPrincipalName: accountEmail });
    if (request.method === 'GET' && rest === '/me/calendars') return json(200, { value: calendars });
    if (request.method === 'POST' && rest === '/subscriptions') return createSubscription(request);
    const subscription = /^\/subscriptions\/([^/]+)$/.exec(rest);
    if (subscription) {
      const found = subscriptions.get(subscription[1]!);
      if (!found) return graphError(404, 'ResourceNotFound', 'The object was not found.');
      if (request.method === 'DELETE') {
        subscriptions.delete(found.id);
        return { status: 204 };
      }
      if (request.method === 'PATCH') {
        found.expirationDateTime = (JSON.parse(request.body) as { expirationDateTime: string }).expirationDateTime;
        return json(200, found);
      }
    }
    const calendarPath = /^\/me\/calendars\/([^/]+)\/(events|calendarView|calendarView\/delta)$/.exec(rest);
    if (calendarPath) {
      const calendarId = decodeURIComponent(calendarPath[1]!);
      if (!calendars.some((c) => c.id === calendarId)) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (calendarPath[2] === 'calendarView/delta' && request.method === 'GET') {
        if (throttle.remaining > 0) {
          throttle.remaining -= 1;
          return json(429, { error: { code: 'TooManyRequests', message: 'Please retry after the time in Retry-After.' } }, { 'retry-after': String(throttle.retryAfterSeconds) });
        }
        return delta(calendarId, request.url.searchParams);
      }
      if (calendarPath[2] === 'calendarView' && request.method === 'GET') {
        const start = Date.parse(request.url.searchParams.get('startDateTime') ?? '');
        const end = Date.parse(request.url.searchParams.get('endDateTime') ?? '');
        const value = [...events.values()].filter((e) => e.calendarId === calendarId && !e.removed && Date.parse(`${e.start.dateTime}Z`) < end && Date.parse(`${e.end.dateTime}Z`) > start).map(wire);
        return json(200, { value });
      }
      if (calendarPath[2] === 'events' && request.method === 'POST') {
        const body = JSON.parse(request.body) as Omit<GraphStoredEvent, 'id' | 'seq' | 'calendarId'>;
        const earlier = body.transactionId ? [...events.values()].find((e) => e.transactionId === body.transactionId && !e.removed) : undefined;
        if (earlier) return json(201, wire(earlier));
        const joinUrl = `https://teams.microsoft.com/l/meetup-join/${randomBytes(8).toString('hex')}`;
        const created = put(calendarId, { ...body, onlineMeeting: body.isOnlineMeeting ? { joinUrl } : null });
        return json(201, wire(created));
      }
    }
    const eventPath = /^\/me\/events\/([^/]+)$/.exec(rest);
    if (eventPath) {
      const found = events.get(decodeURIComponent(eventPath[1]!));
      if (!found || found.removed) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (request.method === 'GET') return json(200, wire(found));
      if (request.method === 'PATCH') {
        const next = { ...found, ...(JSON.parse(request.body) as Partial<GraphStoredEvent>), id: found.id, seq: ++seq };
        events.set(found.id, next);
        return json(200, wire(next));
      }
      if (request.method === 'DELETE') {
        events.set(found.id, { ...found, removed: true, seq: ++seq });
        return { status: 204 };
      }
    }
    return json(404, {});
  }

  const server = await startFakeServer(route);
  origin = server.origin;
  return {
    origin,
    tenant,
    tenantId,
    clientId,
    clientSecret,
    auth,
    identity,
    /** The next person to sign in: a new account at the provider (a fresh `sub`) with this address. */
    nextSignIn(email: string) {
      identity.sub = randomBytes(12).toString('hex');
      identity.email = email;
    },
    accountEmail,
    calendars,
    subscriptions,
    requests: server.log,
    close: server.close,
    addEvent(event: { start: string; end: string; showAs?: string; isCancelled?: boolean; responseStatus?: { response: string }; subject?: string }, calendarId = calendars[0]!.id) {
      return put(calendarId, { ...event, start: utc(event.start), end: utc(event.end) });
    },
    removeEvent(id: string) {
      const found = events.get(id);
      if (found) events.set(id, { ...found, removed: true, seq: ++seq });
    },
    liveEvents: () => [...events.values()].filter((e) => !e.removed),
    /** The next `times` delta requests answer 429 Too Many Requests with `Retry-After: seconds`. */
    throttleDelta(times: number, seconds: number) {
      throttle.remaining = times;
      throttle.retryAfterSeconds = seconds;
    },
    /** Every delta link issued so far stops working (410 Gone). */
    invalidateDeltaLinks() {
      generation += 1;
    },
    /** Sends a change or lifecycle notification the way Graph POSTs it. */
    notify(subscriptionId: string, overrides: Record<string, unknown> = {}) {
      const found = subscriptions.get(subscriptionId)!;
      const item = { subscriptionId, clientState: found.clientState, changeType: 'updated', resource: found.resource, tenantId: randomUUID(), subscriptionExpirationDateTime: found.expirationDateTime, ...overrides };
      return { value: [item] };
    },
  };
}

export type MicrosoftFake = Awaited<ReturnType<typeof startMicrosoftFake>>;
