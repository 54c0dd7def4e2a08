import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { type GoogleFake, startGoogleFake } from '../fakes/google/google-fake';
import { type MicrosoftFake, startMicrosoftFake } from '../fakes/microsoft/microsoft-fake';
import { type RunningServer, startProductionServer } from '../setup/production-server';
import { providerEnv } from '../fakes/provider-env';
import { axeViolations } from './axe';
import { hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { screenshotBothWidths } from './screenshots';

// "Continue with Google / Microsoft" end to end, on the production build served by `npm start`
// (listening on 0.0.0.0, on a non-default port, APP_URL naming the public origin), against the OIDC
// fakes. The provider must be sent APP_URL's callback and the browser must land on APP_URL, never on
// the listening address; a provider identity joins an existing host only when both sides verified the email.

// APP_URL names a real host, mapped to loopback for this browser only (see startProductionServer).
const PUBLIC_HOST = 'app.rendezvous.test';
const browser = launchBrowserPerFile([`--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`]);
const databaseUrl = inject('e2eDatabaseUrl');
let google: GoogleFake;
let microsoft: MicrosoftFake;
let app: RunningServer;

beforeAll(async () => {
  if (!hasBrowser) return;
  google = await startGoogleFake();
  microsoft = await startMicrosoftFake();
  app = await startProductionServer(
    databaseUrl,
    { ...providerEnv({ google, microsoft }), TOKEN_ENCRYPTION_KEY: `e2e:${randomBytes(32).toString('base64')}` },
    { npmStart: true, publicHost: PUBLIC_HOST },
  );
}, 180_000);
afterAll(async () => {
  if (process.env.E2E_SHOW_OUTPUT) console.log(app?.output.join(''));
  await app?.stop();
  await google?.close();
  await microsoft?.close();
});

const accountOf = (email: string) =>
  withSql(async (sql) => (await sql<{ userId: string; provider: string }[]>`
    select a.user_id as "userId", a.provider from accounts a join users u on u.id = a.user_id where u.email = ${email}`)[0]);

async function existingHost(email: string, verified: boolean): Promise<string> {
  const suffix = randomBytes(4).toString('hex');
  return withSql(async (sql) => {
    const [row] = await sql<{ id: string }[]>`
      insert into users (email, name, username, password_hash, email_verified)
      values (${email}, 'Existing Host', ${`existing-${suffix}`}, ${await hashPassword('existing host password')}, ${verified ? new Date() : null})
      returning id`;
    return row!.id;
  });
}

/** Clicks "Continue with …" on /signin and records every address the page visited on the way. */
async function continueWith(page: Page, providerName: string): Promise<string[]> {
  const visited: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  page.on('request', (request) => {
    if (request.isNavigationRequest()) visited.push(request.url());
  });
  await page.goto(`${app.appUrl}/signin`);
  await page.getByRole('button', { name: `Continue with ${providerName}` }).click();
  await page.waitForURL((url) => url.origin === app.appUrl && (url.pathname.startsWith('/dashboard') || url.searchParams.has('error')));
  return visited;
}

function expectOnlyAppUrl(visited: string[], providerOrigin: string): void {
  expect(visited.length).toBeGreaterThan(0);
  for (const url of visited) {
    expect(url).not.toContain('0.0.0.0');
    expect([app.appUrl, providerOrigin]).toContain(new URL(url).origin);
  }
}

describe.skipIf(!hasBrowser)('Sign in with Google and Microsoft under npm start', () => {
  it('signs a new host in with Google: APP_URL’s callback, landing on APP_URL’s dashboard', async () => {
    google.nextSignIn(`g-${randomBytes(4).toString('hex')}@gmail.test`);
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${app.appUrl}/signin`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'signin-with-providers');
    const visited = await continueWith(page, 'Google');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(google.auth.redirectUris.at(-1)).toBe(`${app.appUrl}/api/auth/callback/google`);
    expectOnlyAppUrl(visited, google.origin);
    expect(await accountOf(google.identity.email)).toMatchObject({ provider: 'google' });
    await context.close();
  });

  it('signs a new host in with Microsoft (Entra ID): APP_URL’s callback, landing on APP_URL’s dashboard', async () => {
    microsoft.nextSignIn(`m-${randomBytes(4).toString('hex')}@contoso.test`);
    const context = await browser().newContext();
    const page = await context.newPage();
    const visited = await continueWith(page, 'Microsoft');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(microsoft.auth.redirectUris.at(-1)).toBe(`${app.appUrl}/api/auth/callback/microsoft-entra-id`);
    expectOnlyAppUrl(visited, microsoft.origin);
    expect(await accountOf(microsoft.identity.email)).toMatchObject({ provider: 'microsoft-entra-id' });
    await context.close();
  });

  it('joins a Google identity to the existing host with that email when both sides verified it', async () => {
    const email = `linked-${randomBytes(4).toString('hex')}@example.test`;
    const hostId = await existingHost(email, true);
    google.nextSignIn(email);
    const context = await browser().newContext();
    const page = await context.newPage();
    await continueWith(page, 'Google');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(await accountOf(email)).toEqual({ userId: hostId, provider: 'google' });
    await context.close();
  });

  it('takes the address from an unverified account instead of joining it, and refuses an address the provider did not verify', async () => {
    const email = `unverified-${randomBytes(4).toString('hex')}@example.test`;
    const squatterId = await existingHost(email, false);
    microsoft.nextSignIn(email);
    const context = await browser().newContext();
    const page = await context.newPage();
    await continueWith(page, 'Microsoft');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const owner = await accountOf(email);
    expect(owner).toMatchObject({ provider: 'microsoft-entra-id' });
    expect(owner?.userId).not.toBe(squatterId);
    await context.clearCookies();

    google.nextSignIn(`notverified-${randomBytes(4).toString('hex')}@gmail.test`);
    google.identity.emailVerified = false;
    try {
      await continueWith(page, 'Google');
      expect(new URL(page.url()).searchParams.get('error')).toBe('AccessDenied');
      expect(await axeViolations(page)).toEqual([]);
      expect(await accountOf(google.identity.email)).toBeUndefined();
    } finally {
      google.identity.emailVerified = true;
    }
    await context.close();
  });
});
