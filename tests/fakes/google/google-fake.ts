import { randomBytes, randomUUID } from 'node:crypto';
import { FakeAuthorizationServer } from '../oauth/authorization-server';
import { FakeOidcKeys, type OidcIdentity } from '../oauth/oidc';
import { bearer, deliveryUrl, type FakeReply, type FakeRequest, json, startFakeServer } from '../oauth/fake-http';
import { GoogleCalendarStore, type StoredEvent } from './calendar-store';

// A local Google: OAuth (/o/oauth2/v2/auth, /token, /revoke), OpenID Connect (discovery, JWKS,
// userinfo, RS256 ID tokens for "Sign in with Google") and Calendar API v3 (calendarList,
// calendars.get, events list/insert/get/patch/delete/watch, channels.stop, freeBusy) on the real
// paths and wire format. Point GOOGLE_API_ORIGIN at `origin`.

const GOOGLE_ISSUER = 'https://accounts.google.com';

/** Google's discovery document: the real hosts (the app swaps them for GOOGLE_API_ORIGIN). */
const googleDiscovery = {
  issuer: GOOGLE_ISSUER,
  authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  device_authorization_endpoint: 'https://oauth2.googleapis.com/device/code',
  token_endpoint: 'https://oauth2.googleapis.com/token',
  userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
  revocation_endpoint: 'https://oauth2.googleapis.com/revoke',
  jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
  response_types_supported: ['code', 'token', 'id_token', 'code token', 'code id_token', 'token id_token', 'code token id_token', 'none'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
  scopes_supported: ['openid', 'email', 'profile'],
  token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
  claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'picture', 'sub'],
  code_challenge_methods_supported: ['plain', 'S256'],
  grant_types_supported: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
};

export interface GoogleChannel {
  id: string;
  calendarId: string;
  resourceId: string;
  address: string;
  token: string;
  expiration: number;
  messageNumber: number;
}

const PAGE_SIZE_LIMIT = 250;
const googleError = (code: number, message: string, reason: string) => json(code, { error: { code, message, errors: [{ domain: 'global', reason, message }] } });

export async function startGoogleFake(options: { accountEmail?: string; clientId?: string; clientSecret?: string; deliverTo?: string } = {}) {
  const clientId = options.clientId ?? 'google-client-id';
  const clientSecret = options.clientSecret ?? 'google-client-secret';
  const auth = new FakeAuthorizationServer({ clientId, clientSecret, rotateRefreshTokens: false });
  const store = new GoogleCalendarStore(options.accountEmail ?? `host-${randomBytes(3).toString('hex')}@gmail.test`);
  const channels = new Map<string, GoogleChannel>();
  const keys = new FakeOidcKeys();
  /** Who signs in with Google next (tests change it); email_verified as Google reports it. */
  const identity: OidcIdentity & { emailVerified: boolean } = {
    sub: String(100_000_000_000_000_000_000n + BigInt(`0x${randomBytes(6).toString('hex')}`)),
    email: store.accountEmail,
    name: 'Google Host',
    emailVerified: true,
  };
  auth.issueIdToken = ({ nonce }) =>
    keys.idToken({ issuer: GOOGLE_ISSUER, audience: clientId, nonce, identity: { ...identity, claims: { email_verified: identity.emailVerified, azp: clientId } } });
  /** How long freeBusy takes to answer (to test the booking's bounded live re-check). */
  const control: { freeBusyDelayMs: number; beforeInsertReply?: (() => Promise<unknown>) | undefined } = { freeBusyDelayMs: 0 };
  // Sync tokens carry a generation: invalidating them all (410) just moves it on.
  let generation = 1;

  async function notify(calendarId: string, state = 'exists'): Promise<void> {
    for (const channel of channels.values()) {
      if (channel.calendarId !== calendarId) continue;
      channel.messageNumber += 1;
      await deliver(channel, state, channel.messageNumber);
    }
  }

  async function deliver(channel: GoogleChannel, state: string, messageNumber: number): Promise<Response> {
    return fetch(deliveryUrl(channel.address, options.deliverTo), {
      method: 'POST',
      headers: {
        'x-goog-channel-id': channel.id,
        'x-goog-channel-token': channel.token,
        'x-goog-resource-id': channel.resourceId,
        'x-goog-resource-state': state,
        'x-goog-message-number': String(messageNumber),
        'x-goog-channel-expiration': new Date(channel.expiration).toUTCString(),
      },
    });
  }

  function listEvents(calendarId: string, query: URLSearchParams): FakeReply {
    const syncToken = query.get('syncToken');
    if (syncToken && (query.has('timeMin') || query.has('timeMax'))) return googleError(400, 'syncToken cannot be used with timeMin', 'invalid');
    let items: Record<string, unknown>[];
    if (syncToken) {
      const [, tokenGeneration, seq] = /^st-(\d+)-(\d+)$/.exec(syncToken) ?? [];
      const after = Number(seq);
      if (Number(tokenGeneration) !== generation || !Number.isFinite(after)) return googleError(410, 'Sync token is no longer valid, a full sync is required.', 'fullSyncRequired');
      items = store.instances(calendarId, { afterSeq: after });
    } else {
      const range = { start: Date.parse(query.get('timeMin') ?? '1970-01-01T00:00:00Z'), end: Date.parse(query.get('timeMax') ?? '2200-01-01T00:00:00Z') };
      items = store.instances(calendarId, { range });
    }
    const size = Math.min(Number(query.get('maxResults') ?? PAGE_SIZE_LIMIT), PAGE_SIZE_LIMIT);
    const offset = Number(query.get('pageToken') ?? '0');
    const page = items.slice(offset, offset + size);
    const more = offset + size < items.length;
    return json(200, {
      kind: 'calendar#events',
      timeZone: store.calendars.get(calendarId)?.timeZone ?? 'UTC',
      items: page,
      ...(more ? { nextPageToken: String(offset + size) } : { nextSyncToken: `st-${generation}-${store.currentSeq}` }),
    });
  }

  async function insertEvent(calendarId: string, request: FakeRequest): Promise<FakeReply> {
    const body = JSON.parse(request.body) as Partial<StoredEvent> & { conferenceData?: { createRequest?: { requestId: string } } };
    if (body.id && store.get(calendarId, body.id)) return googleError(409, 'The requested identifier already exists.', 'duplicate');
    const wantsMeet = request.url.searchParams.get('conferenceDataVersion') === '1' && body.conferenceData?.createRequest;
    const link = `https://meet.google.com/${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}`;
    const { conferenceData: _ignored, ...rest } = body;
    const stored = store.put(calendarId, {
      ...rest,
      start: body.start ?? {},
      end: body.end ?? {},
      ...(wantsMeet ? { hangoutLink: link, conferenceData: { entryPoints: [{ entryPointType: 'video', uri: link }], conferenceSolution: { key: { type: 'hangoutsMeet' } } } } : {}),
    });
    await notify(calendarId);
    // Tests: something happens between Google creating the event and the caller hearing about it.
    if (control.beforeInsertReply) await control.beforeInsertReply();
    return json(200, wire(stored));
  }

  const wire = ({ seq: _seq, calendarId: _calendar, ...event }: StoredEvent) => ({ kind: 'calendar#event', ...event });

  async function route(request: FakeRequest): Promise<FakeReply> {
    const path = request.url.pathname;
    if (request.method === 'GET' && path === '/o/oauth2/v2/auth') return auth.authorize(request);
    if (request.method === 'POST' && path === '/token') return auth.token(request);
    if (request.method === 'POST' && path === '/revoke') return auth.revoke(request);
    if (request.method === 'GET' && path === '/.well-known/openid-configuration') return json(200, googleDiscovery);
    if (request.method === 'GET' && path === '/oauth2/v3/certs') return json(200, keys.jwks());
    if (request.method === 'GET' && path === '/v1/userinfo') {
      if (!auth.isValidAccessToken(bearer(request))) return json(401, { error: 'invalid_request', error_description: 'Invalid Credentials' });
      return json(200, { sub: identity.sub, email: identity.email, email_verified: identity.emailVerified, name: identity.name });
    }
    if (!path.startsWith('/calendar/v3/')) return json(404, { error: 'not found' });
    if (!auth.isValidAccessToken(bearer(request))) return googleError(401, 'Request had invalid authentication credentials.', 'authError');
    const rest = path.slice('/calendar/v3'.length);
    if (request.method === 'GET' && rest === '/users/me/calendarList') return json(200, { kind: 'calendar#calendarList', items: [...store.calendars.values()] });
    if (request.method === 'POST' && rest === '/freeBusy') {
      if (control.freeBusyDelayMs) await new Promise((resolve) => setTimeout(resolve, control.freeBusyDelayMs));
      const body = JSON.parse(request.body) as { timeMin: string; timeMax: string; items: { id: string }[] };
      const range = { start: Date.parse(body.timeMin), end: Date.parse(body.timeMax) };
      const calendars = Object.fromEntries(
        body.items.map(({ id }) => [
          id,
          { busy: store.instances(id, { range }).filter((e) => e.transparency !== 'transparent').map((e) => ({ start: (e.start as { dateTime: string }).dateTime, end: (e.end as { dateTime: string }).dateTime })) },
        ]),
      );
      return json(200, { kind: 'calendar#freeBusy', timeMin: body.timeMin, timeMax: body.timeMax, calendars });
    }
    if (request.method === 'POST' && rest === '/channels/stop') {
      const body = JSON.parse(request.body) as { id: string; resourceId: string };
      const channel = channels.get(body.id);
      if (!channel || channel.resourceId !== body.resourceId) return googleError(404, 'Channel not found', 'notFound');
      channels.delete(body.id);
      return { status: 204 };
    }
    const match = /^\/calendars\/([^/]+)(?:\/events(?:\/([^/]+))?)?$/.exec(rest);
    if (!match) return json(404, { error: 'not found' });
    const calendarId = decodeURIComponent(match[1]!) === 'primary' ? store.accountEmail : decodeURIComponent(match[1]!);
    const eventPart = match[2] ? decodeURIComponent(match[2]) : undefined;
    if (!store.calendars.has(calendarId)) return googleError(404, 'Not Found', 'notFound');
    if (!rest.includes('/events')) return json(200, { kind: 'calendar#calendar', id: calendarId, summary: store.calendars.get(calendarId)!.summary, timeZone: 'UTC' });
    if (eventPart === 'watch' && request.method === 'POST') {
      const body = JSON.parse(request.body) as { id: string; address: string; token?: string; expiration?: string };
      const channel: GoogleChannel = { id: body.id, calendarId, resourceId: `res-${randomUUID()}`, address: body.address, token: body.token ?? '', expiration: Number(body.expiration ?? Date.now() + 7 * 86_400_000), messageNumber: 1 };
      channels.set(channel.id, channel);
      void deliver(channel, 'sync', 1).catch(() => undefined);
      return json(200, { kind: 'api#channel', id: channel.id, resourceId: channel.resourceId, resourceUri: `${request.url.pathname}?alt=json`, token: channel.token, expiration: String(channel.expiration) });
    }
    if (!eventPart) {
      if (request.method === 'GET') return listEvents(calendarId, request.url.searchParams);
      if (request.method === 'POST') return insertEvent(calendarId, request);
    }
    if (eventPart) {
      const existing = store.get(calendarId, eventPart);
      if (!existing) return googleError(404, 'Not Found', 'notFound');
      if (request.method === 'GET') return json(200, wire(existing));
      if (existing.status === 'cancelled') return googleError(410, 'Resource has been deleted', 'deleted');
      if (request.method === 'PATCH') {
        const updated = store.update(calendarId, eventPart, JSON.parse(request.body) as Partial<StoredEvent>)!;
        await notify(calendarId);
        return json(200, wire(updated));
      }
      if (request.method === 'DELETE') {
        store.cancel(calendarId, eventPart);
        await notify(calendarId);
        return { status: 204 };
      }
    }
    return json(405, { error: 'method not allowed' });
  }

  const server = await startFakeServer(route);
  return {
    origin: server.origin,
    clientId,
    clientSecret,
    auth,
    identity,
    /** The next person to sign in: a new account at the provider (a fresh `sub`) with this address. */
    nextSignIn(email: string) {
      identity.sub = randomBytes(12).toString('hex');
      identity.email = email;
    },
    store,
    channels,
    control,
    requests: server.log,
    close: server.close,
    /** Adds an event to a calendar (the account's primary by default) and tells its channels. */
    async addEvent(event: Parameters<GoogleCalendarStore['put']>[1], calendarId = store.accountEmail) {
      const stored = store.put(calendarId, event);
      await notify(calendarId);
      return stored;
    },
    async cancelEvent(id: string, calendarId = store.accountEmail) {
      store.cancel(calendarId, id);
      await notify(calendarId);
    },
    /** Every sync token issued so far stops working (410 Gone), as after a long absence. */
    invalidateSyncTokens() {
      generation += 1;
    },
    deliver,
  };
}

export type GoogleFake = Awaited<ReturnType<typeof startGoogleFake>>;
