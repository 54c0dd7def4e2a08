import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { screenshotBothWidths } from './screenshots';
import { signInThroughForm } from './sign-in';

// Accounts through the production build in Chromium: sign-up, sign-in, what a signed-out visitor
// gets, redirects after sign-in, and a session that cannot change identity from the client.

const browser = launchBrowserPerFile();
const DEMO = { email: 'demo@example.com', password: 'demo-password' };
const dashboardPages = ['/dashboard', '/dashboard/meeting-types', '/dashboard/availability', '/dashboard/settings'];

describe.skipIf(!hasBrowser)('host accounts in Chromium', () => {
  it('signs up a new host with a zone preselected from the browser, and lands on the dashboard', async () => {
    const context = await browser().newContext({ timezoneId: 'Asia/Kathmandu' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signup`);
    // Filled in once the page has hydrated and read the browser's zone (Chromium may call it Katmandu).
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[role="combobox"]')?.value ?? '') !== '');
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toMatch(/Kath?mandu/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'signup');
    const suffix = randomBytes(4).toString('hex');
    await page.getByLabel('Name', { exact: true }).fill(`Nadia ${suffix}`);
    await page.getByLabel('Email').fill(`nadia-${suffix}@example.test`);
    await page.getByLabel('Username').fill(`nadia-${suffix}`);
    // The hint names the real page as it is typed, not a placeholder.
    expect(await page.getByText(`Your booking page will be at /nadia-${suffix}.`).count()).toBe(1);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    expect(await page.getByRole('link', { name: `/nadia-${suffix}` }).count()).toBe(1);
    await context.close();
  });

  it('refuses a sign-up onto an existing email and keeps what was typed', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel('Name', { exact: true }).fill('Someone Else');
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Username').fill(`else-${randomBytes(4).toString('hex')}`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('An account with this email already exists.').waitFor()).resolves.toBeUndefined();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Someone Else');
    await page.close();
  });

  it('answers a wrong password and an unknown email with the same message', async () => {
    const page = await browser().newPage();
    const messages: string[] = [];
    for (const email of [DEMO.email, `nobody-${randomBytes(4).toString('hex')}@example.test`]) {
      await page.goto(`${baseUrl}/signin`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // (Next.js's route announcer is an empty role="alert" too.)
      messages.push(await page.getByRole('alert').filter({ hasText: /\w/ }).innerText());
    }
    expect(messages[0]).toBe('That email and password do not match an account.');
    expect(messages[1]).toBe(messages[0]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'signin');
    await page.close();
  });

  it('sends a signed-out visitor of every dashboard page to sign in, and back afterwards', async () => {
    for (const path of dashboardPages) {
      const reply = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
      expect([303, 307, 302], path).toContain(reply.status);
      expect(reply.headers.get('location'), path).toContain(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    }
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/dashboard/settings`);
    await page.waitForURL(/\/signin\?callbackUrl=/);
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/settings`);
    await page.close();
  });

  it.each(['https://evil.com', '//evil.com', '/\\evil.com', 'javascript:alert(1)', '/.//evil.com'])('never redirects off-site after sign-in (callbackUrl %s)', async (target) => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signInThroughForm(page, DEMO.email, DEMO.password, `/signin?callbackUrl=${encodeURIComponent(target)}`);
    expect(new URL(page.url()).origin).toBe(baseUrl);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await context.close();
  });

  it('cannot change its identity from the client: a session update keeps the same host', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signInThroughForm(page, DEMO.email, DEMO.password);
    const before = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    const after = await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/csrf')).json();
      await fetch('/api/auth/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ csrfToken, data: { sub: '00000000-0000-4000-8000-000000000000', user: { id: '00000000-0000-4000-8000-000000000000', email: 'boss@example.test' } } }),
      });
      return (await fetch('/api/auth/session')).json();
    });
    expect(before.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(after.user).toEqual(before.user);
    await context.close();
  });
});
