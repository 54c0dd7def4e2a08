import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { axeViolations } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { nextWeeksMonday } from './dates';
import { screenshotBothWidths } from './screenshots';
import { signInOverHttp } from './sign-in';

// The troubleshooter in Chromium through the production build: from the availability page, a host
// asks about a Monday with a booking and a calendar event, and reads why each time is or is not
// offered. axe at 1280 and 375 px; screenshots at both widths.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
const PASSWORD = 'troubleshooting host password';

async function hostWithABusyMonday(monday: string) {
  const sql = postgres(databaseUrl, { max: 1 });
  const suffix = randomBytes(4).toString('hex');
  try {
    const [host] = await sql<{ id: string }[]>`
      insert into users (email, name, username, time_zone, password_hash, hour_cycle)
      values (${`why-${suffix}@example.test`}, ${`Why Host ${suffix}`}, ${`why-${suffix}`}, 'UTC', ${await hashPassword(PASSWORD)}, '24h')
      returning id`;
    const hostId = host!.id;
    for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${hostId}, ${day}, '09:00', '12:00')`;
    const [type] = await sql<{ id: string }[]>`
      insert into meeting_types (user_id, name, slug, duration_minutes, buffer_after_minutes, slot_interval_minutes)
      values (${hostId}, 'Intro call', 'intro', 30, 15, 30) returning id`;
    await sql`
      insert into bookings (host_user_id, meeting_type_id, invitee_name, invitee_email, invitee_timezone, start_time, end_time, buffer_after_minutes, status, cancel_token_hash, reschedule_token_hash)
      values (${hostId}, ${type!.id}, 'Ada Invitee', ${`ada-${suffix}@example.test`}, 'UTC', ${`${monday}T10:00:00Z`}, ${`${monday}T10:30:00Z`}, 15, 'confirmed', ${`c-${suffix}`}, ${`r-${suffix}`})`;
    const [connection] = await sql<{ id: string }[]>`
      insert into calendar_connections (user_id, provider, ics_url, last_synced_at) values (${hostId}, 'ics', 'https://calendar.example.test/team.ics', now()) returning id`;
    const [calendar] = await sql<{ id: string }[]>`
      insert into connected_calendars (connection_id, user_id, external_id, name) values (${connection!.id}, ${hostId}, 'feed', 'Team feed') returning id`;
    await sql`
      insert into external_busy (connection_id, calendar_id, user_id, start_time, end_time, source_event_id)
      values (${connection!.id}, ${calendar!.id}, ${hostId}, ${`${monday}T11:00:00Z`}, ${`${monday}T11:30:00Z`}, 'standup')`;
    return { email: `why-${suffix}@example.test`, meetingTypeId: type!.id };
  } finally {
    await sql.end();
  }
}

describe.skipIf(!hasBrowser)('the availability troubleshooter in Chromium', () => {
  it('explains each start of a day from the availability page, accessibly at both widths', async () => {
    const monday = nextWeeksMonday();
    const host = await hostWithABusyMonday(monday);
    const context = await browser().newContext({ timezoneId: 'UTC' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);

    await page.goto(`${baseUrl}/dashboard/availability`);
    await page.getByRole('link', { name: 'Why is a time not offered?' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/availability/troubleshoot`);
    await page.getByLabel('Meeting type').selectOption({ label: 'Intro call' });
    await page.getByLabel('Date').fill(monday);
    await page.getByRole('button', { name: 'Explain' }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === monday);

    const results = page.getByRole('region', { name: /start times offered/ });
    await expect.poll(() => results.getByRole('heading').textContent()).toBe('1 of 48 start times offered');
    const row = (time: string) => results.locator('li', { has: page.locator(`text="${time}"`) }).first();
    expect(await row('09:00').textContent()).toContain('Offered');
    expect(await row('09:30').textContent()).toContain('Buffer around the booking with Ada Invitee (10:00–10:30)');
    expect(await row('10:00').textContent()).toContain('Booked: Ada Invitee, 10:00–10:30');
    expect(await row('11:00').textContent()).toContain('Busy on Team feed: event at 11:00–11:30');
    expect(await results.textContent()).toContain('Outside your weekly hours');
    await row('10:00').getByRole('link', { name: 'View booking' }).click();
    await page.waitForURL(/\/dashboard\/bookings\//);
    await page.goBack();

    for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 812 }]) {
      await page.setViewportSize(viewport);
      expect(await axeViolations(page), `troubleshoot at ${viewport.width}px`).toEqual([]);
    }
    await screenshotBothWidths(page, 'dashboard-availability-troubleshoot');

    // A date that is not one reads as a form error, not a failure.
    const reply = await page.goto(`${baseUrl}/dashboard/availability/troubleshoot?meetingTypeId=${host.meetingTypeId}&date=2027-02-30`);
    expect(reply?.status()).toBe(200);
    expect(await page.getByText('Choose a valid date.').count()).toBe(1);
    // Another host's, an unknown or a malformed meeting type id is a 404.
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect((await page.goto(`${baseUrl}/dashboard/availability/troubleshoot?meetingTypeId=${unknown}&date=${monday}`))?.status()).toBe(404);
    }
    await context.close();
  });
});
