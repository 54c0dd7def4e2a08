import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';

// The headers proxy.ts sends, as the production server (scripts/serve.ts + the built app) sends them,
// and what Chromium does with them: the booking page still hydrates, and another origin cannot frame it.

const UNKNOWN_BOOKING = '0b6f3c52-1a0e-4c57-9a55-1f9b8f0e2d11';
const UNKNOWN_MEETING_TYPE = '00000000-0000-4000-8000-000000000000';
const HSTS = 'max-age=63072000; includeSubDomains';

async function get(path: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The directives of a policy by name, e.g. `{ 'script-src': "'self' 'nonce-…'" }`. */
function directives(policy: string | null): Record<string, string> {
  if (!policy) throw new Error('no Content-Security-Policy');
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

function expectFramingDenied(headers: Headers): void {
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(directives(headers.get('content-security-policy'))['frame-ancestors']).toBe("'none'");
}

/** Checks the page policy and returns its nonce. */
function expectPagePolicy(headers: Headers): string {
  const policy = directives(headers.get('content-security-policy'));
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy['script-src'] ?? '')?.[1];
  if (!nonce) throw new Error(`no nonce in script-src: ${policy['script-src']}`);
  expect(policy['script-src']).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(policy).toMatchObject({
    'default-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'img-src': "'self' data:",
    'connect-src': "'self'",
  });
  return nonce;
}

/** Every <script> the server rendered carries this request's nonce, so no other inline script can run. */
function expectEveryScriptNonced(html: string, nonce: string): void {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
}

describe('security headers over HTTP', () => {
  it.each(['/', '/demo', '/demo/intro'])('sends the page policy with a fresh nonce on %s', async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(first.headers.get('strict-transport-security')).toBe(HSTS);
    expectFramingDenied(first.headers);
    const nonce = expectPagePolicy(first.headers);
    expectEveryScriptNonced(first.body, nonce);

    const second = await get(path);
    expect(expectPagePolicy(second.headers)).not.toBe(nonce);
  });

  it.each([`/api/health`, `/api/v1/availability?meetingTypeId=${UNKNOWN_MEETING_TYPE}&start=2027-01-11&end=2027-01-11&timezone=UTC`])(
    'sends only framing, nosniff, referrer and HSTS headers on %s, and leaves its caching alone',
    async (path) => {
      const reply = await get(path);
      expect(reply.headers.get('content-type')).toContain('application/json');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(reply.headers.get('strict-transport-security')).toBe(HSTS);
      expectFramingDenied(reply.headers);
      expect(reply.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    },
  );

  it('adds no Cache-Control to an API route that sets none', async () => {
    expect((await get('/api/health')).headers.get('cache-control')).toBeNull();
  });

  it.each(['cancel', 'reschedule'])('keeps a tokened /bookings/{id}/%s link out of Referer and caches, even on its 404', async (action) => {
    const reply = await get(`/bookings/${UNKNOWN_BOOKING}/${action}?token=x`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expectFramingDenied(reply.headers);
    expectEveryScriptNonced(reply.body, expectPagePolicy(reply.headers));
  });
});

const browser = launchBrowserPerFile();

/** Console lines Chromium writes when it enforces a policy. */
function collectPolicyMessages(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (/Content Security Policy|frame-ancestors/i.test(message.text())) messages.push(message.text());
  });
  return messages;
}

describe.skipIf(!hasBrowser)('the policy in Chromium', () => {
  let framingSite: Server;
  let framingSiteUrl: string;
  beforeAll(async () => {
    // Another origin (same loopback host, another port) that tries to show the booking page in a frame.
    framingSite = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!doctype html><title>framer</title><iframe src="${baseUrl}/demo/intro"></iframe>`);
    });
    await new Promise<void>((resolve) => framingSite.listen(0, '127.0.0.1', resolve));
    framingSiteUrl = `http://127.0.0.1:${(framingSite.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => framingSite?.close(resolve));
  });

  it('hydrates the booking page and lets an invitee pick a time, with no policy violation', async () => {
    const page = await browser().newPage();
    const violations = collectPolicyMessages(page);
    const nextAvailability = () => page.waitForResponse((r) => r.url().includes('/api/v1/availability?'));
    await page.goto(`${baseUrl}/demo/intro`);
    // The first month's times come with the page and show once React has hydrated; the next month is
    // a client-side fetch. It is within the demo's booking window and has weekdays: its times are clickable.
    await page.getByRole('combobox', { name: 'Time zone' }).waitFor();
    const secondMonth = nextAvailability();
    await page.getByRole('button', { name: 'Next month' }).click();
    expect((await secondMonth).status()).toBe(200);
    await page.getByRole('button', { name: /^Book / }).first().click();
    await page.getByLabel('Email').waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('refuses to show the booking page in a frame on another origin', async () => {
    const page = await browser().newPage();
    const messages = collectPolicyMessages(page);
    const refused = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
    await page.goto(framingSiteUrl);
    await refused;
    expect(messages.join('\n')).toContain("frame-ancestors 'none'");
    // Chromium shows its own error page in a frame it refused, never the booking page.
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    await expect.poll(() => framed?.url()).toBe('chrome-error://chromewebdata/');
    expect(await framed?.getByText('Intro call').count()).toBe(0);
    await page.close();
  });
});
