import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { startWebhookReceiver, type WebhookReceiver } from '../fakes/webhook-receiver';
import { type RunningServer, startProductionServer } from '../setup/production-server';
import { checkPageState } from './axe';
import { hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';

// Webhooks from the dashboard of the production build: add an endpoint at a local receiver, copy the
// secret shown once, send a test event, and see it arrive signed (verified with standardwebhooks)
// and logged on the page with its status code.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
let app: RunningServer;
let receiver: WebhookReceiver;

async function createHost() {
  const suffix = randomBytes(4).toString('hex');
  const email = `hooks-${suffix}@example.test`;
  const passwordHash = await hashPassword('webhook host password');
  await withSql((sql) => sql`insert into users (email, name, username, time_zone, password_hash, email_verified) values (${email}, ${`Hooks Host ${suffix}`}, ${`hooks-${suffix}`}, 'UTC', ${passwordHash}, now())`);
  return email;
}

beforeAll(async () => {
  if (!hasBrowser) return;
  receiver = await startWebhookReceiver();
  // The receiver lives on loopback over http, which only this test switch allows.
  app = await startProductionServer(databaseUrl, { WEBHOOK_ALLOW_PRIVATE_TARGETS: '1', ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: '1' });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe.skipIf(!hasBrowser)('webhooks on the dashboard', () => {
  it('adds an endpoint, shows its secret once, sends a test event that arrives signed, and logs the attempt', async () => {
    const email = await createHost();
    const context = await browser().newContext({ timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('webhook host password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto(`${app.baseUrl}/dashboard/settings`);
    await page.getByRole('link', { name: 'Manage webhooks' }).click();
    await page.waitForURL(/\/dashboard\/settings\/webhooks$/);

    // A non-https address is refused beside the field (the switch allows http only to tests' loopback, so use a bad scheme).
    await page.getByLabel('Endpoint URL').fill('ftp://example.com/in');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Webhook URLs must start with https://.').waitFor();
    await checkPageState(page, 'dashboard-webhooks-refused');

    const hookPath = '/hooks/e2e';
    await page.getByLabel('Endpoint URL').fill(`${receiver.origin}${hookPath}`);
    await page.getByRole('checkbox', { name: /meeting_type\.created/ }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByLabel('Signing secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    receiver.trust(hookPath, secret);

    await page.getByRole('button', { name: `Send test event to ${receiver.origin}${hookPath}` }).click();
    const [received] = await receiver.waitFor(hookPath, 1);
    expect(received).toMatchObject({ verified: true, body: { type: 'webhook.test' } });
    expect(received!.id).toMatch(/^msg_/);

    // The log shows the attempt once the page is read again.
    await expect.poll(async () => {
      await page.reload();
      return page.getByText(/Attempt 1 · .* · 200 · \d+ ms/).count();
    }, { timeout: 15_000 }).toBe(1);
    await page.getByText(received!.id).waitFor();
    await checkPageState(page, 'dashboard-webhooks-log');

    // The secret is not on the page any more, and the endpoint can be turned off.
    expect(await page.getByText(secret).count()).toBe(0);
    await page.getByRole('button', { name: `Turn off ${receiver.origin}${hookPath}` }).click();
    await page.getByText('Off: turned off by you').waitFor();
    await context.close();
  }, 120_000);
});
