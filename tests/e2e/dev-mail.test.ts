import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningServer, startProductionServer } from '../setup/production-server';
import { axeViolations } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { openInInbox } from './dev-inbox';
import { screenshotBothWidths } from './screenshots';

// The default mode as `npm run dev` gives it: jobs inline, mail captured and readable at /dev/mail.
// /dev/mail is never served in production, so this file starts the same build with NODE_ENV=test.

const browser = launchBrowserPerFile();
const DEMO_HOST_EMAIL = 'demo@example.com';
let devServer: RunningServer;

beforeAll(async () => {
  if (hasBrowser) devServer = await startProductionServer(inject('e2eDatabaseUrl'), { NODE_ENV: 'test' });
}, 120_000);
afterAll(async () => {
  await devServer?.stop();
});

async function bookFirstOpenTime(page: Page, email: string): Promise<string> {
  await page.goto(`${devServer.baseUrl}/demo/intro`);
  const times = page.getByRole('button', { name: /^Book / });
  await times.first().or(page.getByText('No open times in this range.')).waitFor();
  if ((await times.count()) === 0) {
    await page.getByRole('button', { name: 'Next month' }).click();
    await times.first().waitFor();
  }
  await times.first().click();
  await page.getByLabel('Name').fill('Mary Somerville');
  await page.getByLabel('Email').fill(email);
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/bookings') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  const { booking } = (await (await reply).json()) as { booking: { id: string } };
  await page.getByTestId('confirmation').waitFor();
  return booking.id;
}

/** Reloads the inbox until a message to `to` whose subject starts with `subject` appears (jobs run after the reply). */
async function findInInbox(page: Page, to: string, subject: string): Promise<void> {
  await openInInbox(page, devServer.baseUrl, to, subject);
}

describe.skipIf(!hasBrowser)('the dev inbox', () => {
  it('shows the confirmation for the invitee and the host after a booking, and the cancellation after cancelling', async () => {
    const context = await browser().newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
    const page = await context.newPage();
    const email = `mary-${Date.now().toString(36)}@example.test`;
    await bookFirstOpenTime(page, email);

    await findInInbox(page, email, 'Confirmed: Intro call');
    expect(await page.getByText('Plain-text part').count()).toBe(1);
    const text = await page.locator('pre').first().textContent();
    expect(text).toContain('Europe/Berlin');
    expect(text).toMatch(/Cancel: \S*\/cancel\?token=/);
    const cancelUrl = text!.match(/https?:\/\/\S+\/cancel\?token=[\w-]+/)![0];
    expect(await page.locator('iframe[title="HTML part of the email"]').getAttribute('sandbox')).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'dev-mail-message');

    await findInInbox(page, DEMO_HOST_EMAIL, 'New booking: Intro call with Mary Somerville');
    expect(await page.locator('pre').first().textContent()).toContain('America/New_York');

    // The link in the email is the invitee's real cancel page.
    await page.goto(cancelUrl.replace(/^https?:\/\/[^/]+/, devServer.baseUrl));
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('heading', { name: 'Cancelled' }).waitFor();
    await findInInbox(page, email, 'Cancelled: Intro call');
    await findInInbox(page, DEMO_HOST_EMAIL, 'Cancelled: Intro call with Mary Somerville');

    await page.goto(`${devServer.baseUrl}/dev/mail`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'dev-mail-inbox');
    await context.close();
  });

  it('is not served in production', async () => {
    const response = await fetch(`${baseUrl}/dev/mail`);
    expect(response.status).toBe(404);
  });
});
