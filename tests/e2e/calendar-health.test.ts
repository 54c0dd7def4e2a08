import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { type RunningServer, startProductionServer } from '../setup/production-server';
import { axeViolations } from './axe';
import { hasBrowser, launchBrowserPerFile } from './browser';
import { screenshotBothWidths } from './screenshots';
import { withSql } from './database';

// A connection's health on /dashboard/integrations, through the real UI of the production build:
// an ICS feed's last successful sync and next attempt, its error in words after "Sync now", and the
// "stopped syncing" banner whose "Try again" brings it back.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
let app: RunningServer;
let feedServer: Server;
let feedUrl: string;
let feedFails = false;
const feed = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//e2e//EN', 'BEGIN:VEVENT', 'UID:e2e-health', 'DTSTAMP:20260101T000000Z', 'DTSTART:20270111T150000Z', 'DTEND:20270111T160000Z', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');

async function createHost() {
  const suffix = randomBytes(4).toString('hex');
  const email = `health-${suffix}@example.test`;
  const passwordHash = await hashPassword('calendar host password');
  await withSql((sql) => sql`insert into users (email, name, username, time_zone, password_hash) values (${email}, ${`Health Host ${suffix}`}, ${`health-${suffix}`}, 'UTC', ${passwordHash})`);
  return email;
}

beforeAll(async () => {
  if (!hasBrowser) return;
  feedServer = createServer((_request, response) => {
    if (feedFails) return response.writeHead(500).end('down');
    response.writeHead(200, { 'content-type': 'text/calendar' }).end(feed);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/family.ics`;
  // The feed lives on loopback, which only this switch lets a feed do.
  app = await startProductionServer(databaseUrl, { ICS_ALLOW_PRIVATE_NETWORKS: '1', ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: '1' });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await new Promise((resolve) => feedServer?.close(resolve));
});

describe.skipIf(!hasBrowser)('connection health on the integrations page', () => {
  it('shows the last sync, the next attempt and the last error; "Sync now" and "Try again" read the feed at once', async () => {
    const email = await createHost();
    const context = await browser().newContext({ timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('calendar host password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto(`${app.baseUrl}/dashboard/integrations`);
    await page.getByLabel('Feed address').fill(feedUrl);
    await page.getByLabel('Name').fill('Family');
    await page.getByRole('button', { name: 'Add feed' }).click();

    // Sync times are on the host's clock in their zone (issue 17e), like every dashboard time.
    const status = page.getByRole('definition').filter({ hasText: /\d{4}, \d{1,2}:\d{2}( [AP]M)?$/ });
    const card = page.getByRole('region', { name: 'ICS feed Family' });
    await card.getByText('Last successful sync').waitFor();
    await card.getByText('Next attempt').waitFor();
    expect(await status.count()).toBeGreaterThanOrEqual(2);

    // The feed breaks; "Sync now" reads it at once and the card says what went wrong, in words.
    feedFails = true;
    await card.getByRole('button', { name: 'Sync now: ICS feed Family' }).click();
    await card.getByText('The calendar feed answered 500: the provider is having trouble').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'dashboard-integrations-health');

    // A day of failures stopped it: a banner says so, and "Try again" reads the (mended) feed.
    await withSql((sql) => sql`update calendar_connections set status = 'error' where user_id = (select id from users where email = ${email})`);
    feedFails = false;
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'ICS feed Family stopped syncing' });
    await banner.waitFor();
    await expect(card.getByText('None: syncing stopped after a day of errors. Use “Try again”.').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'dashboard-integrations-stopped');
    await banner.getByRole('button', { name: 'Try again: ICS feed Family' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect(card.getByText('Last error').count()).resolves.toBe(0);
    const row = await withSql(async (sql) => (await sql<{ status: string }[]>`select status from calendar_connections where user_id = (select id from users where email = ${email})`)[0]);
    expect(row?.status).toBe('active');
    await context.close();
  });
});
