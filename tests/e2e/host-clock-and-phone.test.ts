import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { axeViolations, checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { DAY_MS, nextWeeksMonday } from './dates';
import { signInOverHttp } from './sign-in';

// The host's clock and the dashboard on a phone, in Chromium through the production build: a London
// host picks the 24-hour clock and reads "14:00" in the bookings list, the hours editor, the date
// overrides and the email about a new booking; at 375 px the nav is one "Menu" button, and no
// dashboard page scrolls sideways.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
const PASSWORD = 'a clock host password';
const PHONE = { width: 375, height: 812 };

let sql: postgres.Sql;
beforeAll(() => {
  sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(() => sql?.end());

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The instant London's wall clock reads `time` on `date` (GMT or BST). */
function londonAt(date: string, time: string): string {
  const utc = Date.parse(`${date}T${time}:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(utc));
  return new Date(utc - (hour - Number(time.slice(0, 2))) * 3_600_000).toISOString();
}

/** A verified London host with weekday hours, a meeting type, a date override (14:00–18:00) and an ICS feed. */
async function londonHost() {
  const suffix = randomBytes(4).toString('hex');
  const email = `clock-${suffix}@example.test`;
  const [host] = await sql<{ id: string; username: string }[]>`
    insert into users (email, name, username, time_zone, password_hash, email_verified)
    values (${email}, ${`Clara Clockwise ${suffix}`}, ${`clara-clockwise-${suffix}`}, 'Europe/London', ${await hashPassword(PASSWORD)}, now())
    returning id, username`;
  const hostId = host!.id;
  for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${hostId}, ${day}, '09:00', '17:00')`;
  const [type] = await sql<{ id: string }[]>`
    insert into meeting_types (user_id, name, slug, duration_minutes) values (${hostId}, 'Planning session', 'planning', 30) returning id`;
  await sql`insert into availability_overrides (user_id, date, start_time, end_time) values (${hostId}, ${plusDays(nextWeeksMonday(), 3)}, '14:00', '18:00')`;
  const [connection] = await sql<{ id: string }[]>`
    insert into calendar_connections (user_id, provider, ics_url, last_synced_at) values (${hostId}, 'ics', 'https://calendar.example.test/a-rather-long-feed-name/team.ics', now()) returning id`;
  await sql`insert into connected_calendars (connection_id, user_id, external_id, name) values (${connection!.id}, ${hostId}, 'feed', 'Team feed')`;
  return { id: hostId, email, username: host!.username, meetingTypeId: type!.id };
}

/** Books `start` through the public API, as the booking page does. */
async function book(meetingTypeId: string, start: string, name: string): Promise<string> {
  const reply = await fetch(`${baseUrl}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ meetingTypeId, start, name, email: `${name.split(' ')[0]!.toLowerCase()}-${randomBytes(3).toString('hex')}@example.test`, timezone: 'America/New_York' }),
  });
  expect(reply.status).toBe(201);
  return ((await reply.json()) as { booking: { id: string } }).booking.id;
}

/** The host's captured confirmation email about one booking (jobs run after the reply). */
async function hostConfirmation(bookingId: string, hostEmail: string): Promise<{ subject: string; text_body: string }> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const [row] = await sql<{ subject: string; text_body: string }[]>`
      select subject, text_body from email_notifications
      where booking_id = ${bookingId} and recipient_email = ${hostEmail} and notification_type = 'confirmation'`;
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no confirmation to ${hostEmail}`);
}

/** How far the page is wider than the viewport (0 when nothing scrolls sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(!hasBrowser)('the host’s clock and the dashboard on a phone, in Chromium', () => {
  it('shows 14:00 on the bookings list, the hours editor and the overrides, and in the host’s email, once the host picks 24-hour', async () => {
    const host = await londonHost();
    const monday = nextWeeksMonday();
    const before = await book(host.meetingTypeId, londonAt(monday, '14:00'), 'Ada Early');
    const context = await browser().newContext({ timezoneId: 'Europe/London', locale: 'en-US' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);

    // Automatic, from an en-US browser's sign-in (no locale stored): 12-hour, as before.
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByText('2:00 PM – 2:30 PM').first().waitFor();
    expect((await hostConfirmation(before, host.email)).subject).toMatch(/2:00 PM$/);

    await page.goto(`${baseUrl}/dashboard/settings`);
    const clock = page.getByLabel('Show times as');
    await clock.selectOption('24h');
    await page.getByRole('button', { name: 'Save time format' }).click();
    await page.getByRole('region', { name: 'Time format' }).getByText('Saved.').waitFor();
    await checkPageState(page, 'dashboard-settings-clock');

    await page.goto(`${baseUrl}/dashboard`);
    await page.getByText('14:00 – 14:30').first().waitFor();
    expect(await page.getByText('2:00 PM').count()).toBe(0);
    await checkPageState(page, 'dashboard-bookings-24h');

    await page.goto(`${baseUrl}/dashboard/availability`);
    const mondayFrom = page.getByLabel('Monday: from');
    expect(await mondayFrom.locator('option:checked').textContent()).toBe('09:00');
    expect(await mondayFrom.locator('option', { hasText: '14:00' }).count()).toBe(1);
    await page.getByText('14:00–18:00').waitFor();
    await checkPageState(page, 'dashboard-availability-24h');

    // A booking made now: the host's email reads on their clock; the invitee's keeps 12-hour.
    const after = await book(host.meetingTypeId, londonAt(plusDays(monday, 1), '14:00'), 'Bea Later');
    const mail = await hostConfirmation(after, host.email);
    expect(mail.subject).toMatch(/, 14:00$/);
    expect(mail.text_body).toContain('14:00 – 14:30');
    await context.close();
  }, 120_000);

  it('folds the nav into a Menu button under 640 px that opens the sections, marks the page, navigates and closes on Escape', async () => {
    const host = await londonHost();
    const context = await browser().newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);
    await page.goto(`${baseUrl}/dashboard/meeting-types`);

    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    expect(await nav.getByRole('link').count()).toBe(0); // the row of links is folded away
    const menu = nav.getByRole('button', { name: 'Menu' });
    await menu.click();
    const dialog = page.getByRole('dialog', { name: 'Dashboard sections' });
    await dialog.waitFor();
    expect(await dialog.getByRole('list').getByRole('link').allTextContents()).toEqual(['Bookings', 'Meeting types', 'Availability', 'Teams', 'Integrations', 'Settings']);
    expect(await dialog.getByRole('link', { name: /Your booking page/ }).getAttribute('href')).toBe(`/${host.username}`);
    expect(await dialog.getByRole('link', { name: 'Meeting types' }).getAttribute('aria-current')).toBe('page');
    expect(await dialog.getByRole('link', { name: 'Bookings' }).getAttribute('aria-current')).toBeNull();
    expect(await axeViolations(page), 'menu open').toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/dashboard-phone-menu-open-375.png' });

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);

    // From the keyboard: open, Tab to a section, follow it; the menu is gone on the new page.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    const availability = dialog.getByRole('link', { name: 'Availability' });
    for (let tab = 0; tab < 5 && !(await availability.evaluate((link) => link === document.activeElement)); tab++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/dashboard/availability`);
    await dialog.waitFor({ state: 'detached' });
    await menu.click();
    expect(await dialog.getByRole('link', { name: 'Availability' }).getAttribute('aria-current')).toBe('page');

    // At desktop width the links are a row again and the button is gone.
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await nav.getByRole('link').count()).toBe(6);
    expect(await menu.isVisible()).toBe(false);
    await context.close();
  }, 120_000);

  it('does not scroll sideways at 375 px on any dashboard page', async () => {
    const host = await londonHost();
    const monday = nextWeeksMonday();
    const bookingId = await book(host.meetingTypeId, londonAt(monday, '10:00'), 'Maximiliane Langername-Beispielhaft');
    const context = await browser().newContext({ viewport: PHONE, timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);
    const pages = [
      ['bookings', '/dashboard'],
      ['bookings-past', '/dashboard?tab=past'],
      ['booking-detail', `/dashboard/bookings/${bookingId}`],
      ['meeting-types', '/dashboard/meeting-types'],
      ['meeting-type-new', '/dashboard/meeting-types/new'],
      ['meeting-type-edit', `/dashboard/meeting-types/${host.meetingTypeId}`],
      ['availability', '/dashboard/availability'],
      ['troubleshoot', `/dashboard/availability/troubleshoot?meetingTypeId=${host.meetingTypeId}&date=${monday}`],
      ['integrations', '/dashboard/integrations'],
      ['settings', '/dashboard/settings'],
    ] as const;
    for (const [name, path] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await sidewaysOverflow(page), `${path} at 375 px`).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      await checkPageState(page, `dashboard-phone-${name}`);
    }
    // The date override dialog, open on a phone.
    await page.goto(`${baseUrl}/dashboard/availability`);
    await page.getByRole('button', { name: 'Add a date override' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page), 'override dialog at 375 px').toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/dashboard-phone-override-dialog-375.png', fullPage: true });
    await context.close();
  }, 180_000);
});
