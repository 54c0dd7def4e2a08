import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/auth/[...nextauth]/route';
import { accounts, availabilityRules, meetingTypes, users } from '@/db/schema';
import { SIGN_UP_ZONE_COOKIE } from '@/lib/auth/sign-up-zone';
import { captureLogForTests } from '@/lib/log';
import { type GoogleFake, startGoogleFake } from '../fakes/google/google-fake';
import { type MicrosoftFake, startMicrosoftFake } from '../fakes/microsoft/microsoft-fake';
import { createHost } from '../factories';
import { providerEnv } from '../fakes/provider-env';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';

// Auth.js's OAuth routes against the OIDC fakes (discovery, consent, token with an RS256 ID token),
// driven like a browser would: the redirect_uri and every redirect name APP_URL, and the linking rule
// holds. The browser test (tests/e2e/oauth-sign-in) does the same through `npm start`.

const database = connectTestDatabase();
const APP = 'http://rendezvous.test';
let google: GoogleFake;
let microsoft: MicrosoftFake;

beforeAll(async () => {
  google = await startGoogleFake();
  microsoft = await startMicrosoftFake();
  setTestEnv(providerEnv({ google, microsoft }));
});
afterAll(async () => {
  setTestEnv(Object.fromEntries(Object.keys(providerEnv({ google, microsoft })).map((name) => [name, undefined])));
  await google?.close();
  await microsoft?.close();
});

class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!, value.join('='));
    }
  }
  set(name: string, value: string) {
    this.cookies.set(name, value);
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in with a provider as a browser would, from the listening address (0.0.0.0), and returns where it
 * landed. `zone`: the cookie the sign-in page's button sets with the browser's zone (lib/auth/sign-up-zone.ts).
 */
async function signInWith(provider: 'google' | 'microsoft-entra-id', zone?: string) {
  const jar = new CookieJar();
  if (zone !== undefined) jar.set(SIGN_UP_ZONE_COOKIE, zone);
  const listening = 'http://0.0.0.0:3000';
  const csrfReply = await GET(new NextRequest(`${listening}/api/auth/csrf`));
  jar.take(csrfReply);
  const { csrfToken } = (await csrfReply.json()) as { csrfToken: string };
  const start = await POST(
    new NextRequest(`${listening}/api/auth/signin/${provider}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/dashboard` }),
    }),
  );
  jar.take(start);
  const consent = start.headers.get('location') ?? '';
  const backFromProvider = await fetch(consent, { redirect: 'manual' });
  const callback = backFromProvider.headers.get('location') ?? '';
  const finished = await GET(new NextRequest(callback.replace(APP, listening), { headers: { cookie: jar.header() } }));
  return { consent, callback, landed: finished.headers.get('location') ?? '' };
}

/** The new host's zone, weekly hours (day, start, end) and meeting types (slug, minutes), by email. */
async function startingPoint(email: string) {
  const [host] = await database.select({ id: users.id, timeZone: users.timeZone }).from(users).where(eq(users.email, email));
  const rules = await database
    .select({ day: availabilityRules.dayOfWeek, start: availabilityRules.startTime, end: availabilityRules.endTime })
    .from(availabilityRules)
    .where(eq(availabilityRules.userId, host!.id))
    .orderBy(availabilityRules.dayOfWeek);
  const types = await database.select({ slug: meetingTypes.slug, minutes: meetingTypes.durationMinutes }).from(meetingTypes).where(eq(meetingTypes.userId, host!.id));
  return { timeZone: host!.timeZone, hours: rules.map((rule) => `${rule.day} ${rule.start.slice(0, 5)}-${rule.end.slice(0, 5)}`), types: types.map((type) => `${type.slug} ${type.minutes}`) };
}
const weekdaysNineToFive = [1, 2, 3, 4, 5].map((day) => `${day} 09:00-17:00`);
const starterType = ['30min 30'];

const accountsOf = (email: string) =>
  database.select({ userId: accounts.userId, provider: accounts.provider }).from(accounts).innerJoin(users, eq(users.id, accounts.userId)).where(eq(users.email, email));

describe('OAuth sign-in through the OIDC fakes', () => {
  it('Google: the consent page gets APP_URL’s callback, and a new host lands on APP_URL’s dashboard', async () => {
    google.nextSignIn(`g-${randomBytes(4).toString('hex')}@gmail.test`);
    const lines: string[] = [];
    const stop = captureLogForTests((line) => lines.push(line));
    const flow = await signInWith('google').finally(stop);
    expect(new URL(flow.consent).origin).toBe(google.origin);
    expect(new URL(flow.consent).searchParams.get('redirect_uri')).toBe(`${APP}/api/auth/callback/google`);
    expect(flow.landed, lines.join('\n')).toBe(`${APP}/dashboard`);
    expect(await accountsOf(google.identity.email)).toEqual([{ userId: expect.any(String), provider: 'google' }]);
  });

  it('Microsoft (Entra ID, multi-tenant): the same, with the tenant-specific issuer and xms_edov', async () => {
    microsoft.nextSignIn(`m-${randomBytes(4).toString('hex')}@contoso.test`);
    const lines: string[] = [];
    const stop = captureLogForTests((line) => lines.push(line));
    const flow = await signInWith('microsoft-entra-id').finally(stop);
    expect(new URL(flow.consent).searchParams.get('redirect_uri')).toBe(`${APP}/api/auth/callback/microsoft-entra-id`);
    expect(flow.landed, lines.join('\n')).toBe(`${APP}/dashboard`);
    expect(await accountsOf(microsoft.identity.email)).toEqual([{ userId: expect.any(String), provider: 'microsoft-entra-id' }]);
  });

  it('a new Google or Microsoft host starts with the default weekly hours in the zone the browser reported (canonicalised) and the 30 minute meeting', async () => {
    google.nextSignIn(`gz-${randomBytes(4).toString('hex')}@gmail.test`);
    expect((await signInWith('google', 'europe/berlin')).landed).toBe(`${APP}/dashboard`);
    expect(await startingPoint(google.identity.email)).toEqual({ timeZone: 'Europe/Berlin', hours: weekdaysNineToFive, types: starterType });
    microsoft.nextSignIn(`mz-${randomBytes(4).toString('hex')}@contoso.test`);
    expect((await signInWith('microsoft-entra-id', 'America/Sao_Paulo')).landed).toBe(`${APP}/dashboard`);
    expect(await startingPoint(microsoft.identity.email)).toEqual({ timeZone: 'America/Sao_Paulo', hours: weekdaysNineToFive, types: starterType });
  });

  it('falls back to UTC only when no valid zone was reported', async () => {
    google.nextSignIn(`gn-${randomBytes(4).toString('hex')}@gmail.test`);
    expect((await signInWith('google')).landed).toBe(`${APP}/dashboard`);
    expect(await startingPoint(google.identity.email)).toEqual({ timeZone: 'UTC', hours: weekdaysNineToFive, types: starterType });
    microsoft.nextSignIn(`mn-${randomBytes(4).toString('hex')}@contoso.test`);
    expect((await signInWith('microsoft-entra-id', 'Mars/Olympus_Mons')).landed).toBe(`${APP}/dashboard`);
    expect(await startingPoint(microsoft.identity.email)).toEqual({ timeZone: 'UTC', hours: weekdaysNineToFive, types: starterType });
  });

  it('joins the existing host with that email when both sides verified it', async () => {
    const host = await createHost(database, { emailVerified: new Date() });
    google.nextSignIn(host.email);
    expect((await signInWith('google')).landed).toBe(`${APP}/dashboard`);
    expect(await accountsOf(host.email)).toEqual([{ userId: host.id, provider: 'google' }]);
  });

  it('takes the address from an unverified account instead of joining it: the squatter loses it, the owner gets a new account', async () => {
    const squatter = await createHost(database, { emailVerified: null });
    microsoft.nextSignIn(squatter.email);
    expect((await signInWith('microsoft-entra-id')).landed).toBe(`${APP}/dashboard`);
    const [owner] = await accountsOf(squatter.email);
    expect(owner).toEqual({ userId: expect.any(String), provider: 'microsoft-entra-id' });
    expect(owner!.userId).not.toBe(squatter.id);
    const [ownerRow] = await database.select({ emailVerified: users.emailVerified }).from(users).where(eq(users.id, owner!.userId));
    expect(ownerRow?.emailVerified).not.toBeNull();
    expect(await database.select({ id: users.id }).from(users).where(eq(users.id, squatter.id))).toEqual([]);
  });

  it('refuses an address the provider did not verify (Google email_verified false, Entra without xms_edov)', async () => {
    google.nextSignIn(`nv-${randomBytes(4).toString('hex')}@gmail.test`);
    google.identity.emailVerified = false;
    microsoft.nextSignIn(`nv-${randomBytes(4).toString('hex')}@contoso.test`);
    microsoft.identity.domainVerified = false;
    try {
      expect((await signInWith('google')).landed).toMatch(/\/signin\?error=AccessDenied$/);
      expect((await signInWith('microsoft-entra-id')).landed).toMatch(/\/signin\?error=AccessDenied$/);
    } finally {
      google.identity.emailVerified = true;
      microsoft.identity.domainVerified = true;
    }
    expect(await accountsOf(google.identity.email)).toEqual([]);
    expect(await accountsOf(microsoft.identity.email)).toEqual([]);
  });
});
