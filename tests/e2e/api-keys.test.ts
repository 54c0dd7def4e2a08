import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { signInOverHttp } from './sign-in';

// API keys in Chromium through the production build: from Settings a host creates a key, copies it
// once, uses it over HTTP, revokes it behind a confirmation and sees it refused; the API reference
// renders from the OpenAPI document. axe and screenshots at 1280 and 375 px.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
const PASSWORD = 'api key host password';

async function signedUpHost() {
  const sql = postgres(databaseUrl, { max: 1 });
  const suffix = randomBytes(4).toString('hex');
  try {
    await sql`
      insert into users (email, name, username, time_zone, password_hash, email_verified)
      values (${`keys-${suffix}@example.test`}, ${`Keys Host ${suffix}`}, ${`keys-${suffix}`}, 'Europe/Berlin', ${await hashPassword(PASSWORD)}, now())`;
    return { email: `keys-${suffix}@example.test`, username: `keys-${suffix}` };
  } finally {
    await sql.end();
  }
}

const me = (key: string) => fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });

describe.skipIf(!hasBrowser)('API keys in Chromium', () => {
  it('creates a key from the dashboard, uses it, revokes it, and reads the API reference', { timeout: 180_000 }, async () => {
    const host = await signedUpHost();
    const context = await browser().newContext({ timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);

    await page.goto(`${baseUrl}/dashboard/settings`);
    await page.getByRole('link', { name: 'Manage API keys' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/settings/api-keys`);
    expect(await page.getByText('No keys yet.').count()).toBe(1);
    await checkPageState(page, 'dashboard-api-keys-empty');

    await page.getByLabel('Name').fill('CRM sync');
    await page.getByLabel('Access').selectOption('read-write');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByLabel('Your new key');
    await expect.poll(() => shown.inputValue(), { timeout: 15_000 }).toMatch(/^rdv_[0-9A-Za-z]{43}$/);
    const key = await shown.inputValue();
    await expect.poll(() => page.getByText(/Never used/).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('li', { hasText: 'CRM sync' }).textContent()).toContain(key.slice(0, 12));
    await checkPageState(page, 'dashboard-api-keys-created');

    const reply = await me(key);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('ratelimit-limit')).not.toBeNull();
    expect(((await reply.json()) as { host: { username: string } }).host.username).toBe(host.username);

    // Shown once: a fresh load has the key's first characters only.
    await page.reload();
    expect(await page.getByLabel('Your new key').count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await expect.poll(() => page.getByText(/Last used/).count(), { timeout: 15_000 }).toBe(1);

    await page.getByRole('button', { name: 'Revoke CRM sync' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke “CRM sync”?' });
    await dialog.waitFor();
    await checkPageState(page, 'dashboard-api-keys-revoke-dialog');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByText(/^Revoked /).count(), { timeout: 15_000 }).toBe(1);
    expect((await me(key)).status).toBe(401);

    await page.goto(`${baseUrl}/docs/api`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rendezvous API');
    expect(await page.getByRole('heading', { name: 'GET /api/v1/me/bookings', exact: true }).count()).toBe(1);
    await checkPageState(page, 'docs-api');
    const document = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
    await context.close();
  });
});
