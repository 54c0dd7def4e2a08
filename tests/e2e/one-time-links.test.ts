import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { axeViolations, checkPageState } from './axe';
import { fillDetails, firstOfferedTime, pickTime, uniqueEmail } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { signInOverHttp } from './sign-in';

// One-time links and secret meeting types in Chromium through the production build: the host makes a
// meeting type secret and a link for it on its dashboard page; an invitee books once through the link,
// and the link then says it has been used. The same in another site's frame; expired and forged links
// get their own page. axe and screenshots at 1280 and 375 px for each new state.

const browser = launchBrowserPerFile();
const PASSWORD = 'one-time links password';
const ZONE = 'UTC';
let site: Server;
let siteOrigin: string;
let framedPath = '/';

beforeAll(async () => {
  // Another site embedding whatever link the test sets (embed.js turns /d/… into /embed/d/…).
  site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>Recruiter</title></head><body><main><h1>Book your interview</h1>
<div data-rendezvous-inline="${baseUrl}${framedPath}"></div></main><script src="${baseUrl}/embed.js?v=1"></script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
});

async function bookableHost() {
  const suffix = randomBytes(4).toString('hex');
  const email = `links-${suffix}@example.test`;
  const hash = await hashPassword(PASSWORD);
  return withSql(async (sql) => {
    const [host] = await sql<{ id: string }[]>`
      insert into users (email, name, username, time_zone, password_hash, email_verified)
      values (${email}, ${`Rita Recruiter ${suffix}`}, ${`links-${suffix}`}, 'UTC', ${hash}, now()) returning id`;
    for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${host!.id}, ${day}, '09:00', '17:00')`;
    const [listed] = await sql<{ id: string }[]>`
      insert into meeting_types (user_id, name, slug, duration_minutes, slot_interval_minutes) values (${host!.id}, 'Intro call', 'intro', 30, 30) returning id`;
    const [interview] = await sql<{ id: string }[]>`
      insert into meeting_types (user_id, name, slug, duration_minutes, slot_interval_minutes) values (${host!.id}, 'Interview', 'interview', 45, 60) returning id`;
    return { id: host!.id, email, username: `links-${suffix}`, listedId: listed!.id, interviewId: interview!.id };
  });
}

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ timezoneId: ZONE, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Picks the first offered time, fills the form and confirms; resolves with the booking reply's status. */
async function bookFirstTime(surface: Page | Frame, page: Page, label: string): Promise<number> {
  const slot = await firstOfferedTime(surface);
  await pickTime(surface, slot.start, ZONE);
  await fillDetails(surface, `Cand ${label}`, uniqueEmail(label));
  const reply = page.waitForResponse((r) => r.url() === `${baseUrl}/api/v1/bookings` && r.request().method() === 'POST');
  await surface.getByRole('button', { name: 'Confirm booking' }).click();
  return (await reply).status();
}

/** A link row made straight in the database (for states the dashboard cannot make on demand). */
async function insertLink(meetingTypeId: string, hostUserId: string, expiresAt: Date | null, createdAt: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  await withSql((sql) => sql`insert into one_time_links (meeting_type_id, host_user_id, token_hash, expires_at, created_at) values (${meetingTypeId}, ${hostUserId}, ${hash}, ${expiresAt}, ${createdAt})`);
  return token;
}

describe.skipIf(!hasBrowser)('one-time links and secret meeting types in Chromium', () => {
  it('a host makes a secret meeting type and a one-time link; the link books once, then is refused', async () => {
    const host = await bookableHost();
    const hostPage = await newPage();
    await signInOverHttp(hostPage, host.email, PASSWORD);

    // Secret: ticked in the form, a badge in the list, gone from the public page.
    await hostPage.goto(`${baseUrl}/dashboard/meeting-types/${host.interviewId}`);
    await hostPage.getByRole('checkbox', { name: /Secret/ }).check();
    await hostPage.getByRole('button', { name: 'Save changes' }).click();
    await hostPage.getByText('Saved. Your booking page shows the changes now.').waitFor();
    await hostPage.goto(`${baseUrl}/dashboard/meeting-types`);
    await hostPage.getByTestId('dashboard-meeting-type').filter({ hasText: 'Interview' }).getByText('Secret', { exact: true }).waitFor();
    await checkPageState(hostPage, 'one-time-links-dashboard-secret-badge');
    const invitee = await newPage();
    await invitee.goto(`${baseUrl}/${host.username}`);
    await invitee.getByRole('link', { name: /Intro call/ }).waitFor();
    expect(await invitee.getByRole('link', { name: /Interview/ }).count()).toBe(0);
    // Still bookable at its own URL, which search engines are asked not to index.
    await invitee.goto(`${baseUrl}/${host.username}/interview`);
    await invitee.getByRole('button', { name: /^Book / }).first().waitFor();
    expect(await invitee.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');

    // A link, shown once with a copy button.
    await hostPage.goto(`${baseUrl}/dashboard/meeting-types/${host.interviewId}`);
    await hostPage.getByLabel('Expires').selectOption('7d');
    await hostPage.getByRole('button', { name: 'Create one-time link' }).click();
    const address = hostPage.getByLabel(/Your new link/);
    await address.waitFor();
    const linkUrl = await address.inputValue();
    expect(linkUrl).toMatch(new RegExp(`^${baseUrl}/d/[A-Za-z0-9_-]{43}$`));
    await hostPage.getByTestId('one-time-link').filter({ hasText: 'Open' }).waitFor();
    await checkPageState(hostPage, 'one-time-links-dashboard-created');

    // The invitee books through it: the secret meeting type's own page, saying the link books once.
    await invitee.goto(linkUrl);
    await invitee.getByRole('heading', { name: 'Interview' }).waitFor();
    await invitee.getByText('This is a one-time link: it books one meeting.').waitFor();
    expect(await invitee.getByRole('link', { name: /All meeting types/ }).count()).toBe(0);
    await checkPageState(invitee, 'one-time-link-booking-page');
    expect(await bookFirstTime(invitee, invitee, 'once')).toBe(201);
    await invitee.getByRole('heading', { name: 'You’re booked' }).waitFor();
    await checkPageState(invitee, 'one-time-link-booked');

    // Opened again, it is refused with a page that says why.
    await invitee.goto(linkUrl);
    await invitee.getByRole('heading', { name: 'This link has already been used' }).waitFor();
    expect(await invitee.getByRole('button', { name: /^Book / }).count()).toBe(0);
    await checkPageState(invitee, 'one-time-link-used');
    await invitee.goto(`${linkUrl}?lang=de`);
    await invitee.getByRole('heading', { name: 'Dieser Link wurde bereits verwendet' }).waitFor();

    // The host sees it used, with the booking it made.
    await hostPage.reload();
    const used = hostPage.getByTestId('one-time-link').filter({ hasText: 'Used' });
    await used.getByRole('link', { name: 'View booking' }).waitFor();
    await checkPageState(hostPage, 'one-time-links-dashboard-used');
    await hostPage.context().close();
    await invitee.context().close();
  }, 180_000);

  it('a page left open on a link that was used meanwhile hears "already used" when it books', async () => {
    const host = await bookableHost();
    const token = await insertLink(host.interviewId, host.id, null, new Date());
    const [first, second] = [await newPage(), await newPage()];
    await Promise.all([first, second].map((page) => page.goto(`${baseUrl}/d/${token}`)));
    expect(await bookFirstTime(first, first, 'first')).toBe(201);
    expect(await bookFirstTime(second, second, 'second')).toBe(409);
    await second.getByRole('alert').filter({ hasText: 'This link has already been used.' }).waitFor();
    await checkPageState(second, 'one-time-link-used-meanwhile');
    await first.context().close();
    await second.context().close();
  }, 120_000);

  it('works in another site’s frame: books once inside it, then the frame says the link was used', async () => {
    const host = await bookableHost();
    const token = await insertLink(host.interviewId, host.id, null, new Date());
    framedPath = `/d/${token}`;
    const page = await newPage();
    await page.goto(siteOrigin);
    const framed = (frame: Frame) => frame.url().startsWith(`${baseUrl}/embed/d/${token}`);
    await expect.poll(() => page.frames().some(framed)).toBe(true);
    const frame = page.frames().find(framed)!;
    await frame.getByRole('heading', { name: 'Interview' }).waitFor();
    expect(await bookFirstTime(frame, page, 'framed')).toBe(201);
    await frame.getByRole('heading', { name: 'You’re booked' }).waitFor();

    await page.reload();
    await expect.poll(() => page.frames().some(framed)).toBe(true);
    const again = page.frames().find(framed)!;
    await again.getByRole('heading', { name: 'This link has already been used' }).waitFor();
    expect(await axeViolations(again)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('an expired and a forged link each get a clear page, not an error', async () => {
    const host = await bookableHost();
    const weekAgo = new Date(Date.now() - 7 * 86_400_000);
    const expired = await insertLink(host.interviewId, host.id, new Date(weekAgo.getTime() + 86_400_000), weekAgo);
    const page = await newPage();
    const reply = await page.goto(`${baseUrl}/d/${expired}`);
    expect(reply?.status()).toBeLessThan(500);
    await page.getByRole('heading', { name: 'This link has expired' }).waitFor();
    await checkPageState(page, 'one-time-link-expired');
    expect(reply?.headers()['referrer-policy']).toBe('no-referrer');

    const forged = await page.goto(`${baseUrl}/d/${randomBytes(32).toString('base64url')}`);
    expect(forged?.status()).toBeLessThan(500);
    await page.getByRole('heading', { name: 'This link isn’t valid' }).waitFor();
    await checkPageState(page, 'one-time-link-invalid');
    await page.goto(`${baseUrl}/d/${encodeURIComponent('%00<script>')}`);
    await page.getByRole('heading', { name: 'This link isn’t valid' }).waitFor();
    await page.context().close();
  }, 120_000);
});
