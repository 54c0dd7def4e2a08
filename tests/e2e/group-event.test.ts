import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { checkPageState } from './axe';
import { fillDetails, waitForTimes } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { nextWeeksMonday } from './dates';
import { signInOverHttp } from './sign-in';

// A group event in Chromium through the production build: two invitees book seats at the same time
// from their own browsers and never see each other (booking page, confirmation, manage page); the
// host sees one occasion with both, and cannot lower the seats below what is booked.

const browser = launchBrowserPerFile();
const PASSWORD = 'group event password';
const ZONE = 'UTC';

async function groupHost() {
  const suffix = randomBytes(4).toString('hex');
  const email = `group-${suffix}@example.test`;
  const hash = await hashPassword(PASSWORD);
  return withSql(async (sql) => {
    const [host] = await sql<{ id: string }[]>`
      insert into users (email, name, username, time_zone, password_hash, email_verified)
      values (${email}, ${`Gil Host ${suffix}`}, ${`group-${suffix}`}, 'UTC', ${hash}, now()) returning id`;
    for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${host!.id}, ${day}, '09:00', '17:00')`;
    const [type] = await sql<{ id: string }[]>`
      insert into meeting_types (user_id, name, slug, duration_minutes, slot_interval_minutes, seats_per_slot)
      values (${host!.id}, 'Pottery class', 'pottery', 60, 60, 4) returning id`;
    return { id: host!.id, email, username: `group-${suffix}`, meetingTypeId: type!.id };
  });
}

interface Invitee {
  name: string;
  email: string;
}

/** Books a seat through the booking page in a browser of the invitee's own; returns their page on the confirmation. */
async function bookSeat(chromium: Browser, host: { username: string }, start: string, invitee: Invitee, seatsLeftBefore: number, screenshot?: string): Promise<Page> {
  const context = await chromium.newContext({ timezoneId: ZONE, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/${host.username}/pottery`);
  await waitForTimes(page);
  const heading = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(start));
  for (let month = 0; month < 2 && (await page.getByRole('button', { name: `${heading}, ` }).count()) === 0; month++) {
    await page.getByRole('button', { name: 'Next month' }).click();
    await waitForTimes(page);
  }
  await page.getByRole('button', { name: `${heading}, ` }).click();
  const time = page.locator(`button[data-start="${start}"]`);
  await expect.poll(() => time.getAttribute('aria-label')).toBe(`Book 10:00 AM, ${seatsLeftBefore} seats left`);
  await expect.poll(() => time.innerText()).toContain(`${seatsLeftBefore} seats left`);
  if (screenshot) await checkPageState(page, screenshot);
  await time.click();
  await fillDetails(page, invitee.name, invitee.email);
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await page.getByTestId('confirmation').waitFor();
  return page;
}

const manageLink = (page: Page) => page.getByRole('link', { name: /^Cancel/ }).first().getAttribute('href');

describe.skipIf(!hasBrowser)('a group event in Chromium', () => {
  it('two invitees take seats at the same time and cannot see each other; the host sees both', async () => {
    const host = await groupHost();
    const start = `${nextWeeksMonday()}T10:00:00.000Z`;
    const ada: Invitee = { name: 'Ada Seatholder', email: `ada-${randomBytes(3).toString('hex')}@example.test` };
    const alan: Invitee = { name: 'Alan Seatholder', email: `alan-${randomBytes(3).toString('hex')}@example.test` };

    const adaPage = await bookSeat(browser(), host, start, ada, 4, 'group-event-times');
    await checkPageState(adaPage, 'group-event-confirmation');
    const alanPage = await bookSeat(browser(), host, start, alan, 3);

    // Each invitee's confirmation and manage page name only themself.
    for (const [page, self, other] of [
      [adaPage, ada, alan],
      [alanPage, alan, ada],
    ] as const) {
      const confirmation = await page.getByTestId('confirmation').innerText();
      expect(confirmation).toContain(self.email);
      expect(confirmation).not.toContain(other.name);
      expect(confirmation).not.toContain(other.email);
      const link = await manageLink(page);
      await page.goto(new URL(link!, baseUrl).toString());
      await page.getByRole('heading').first().waitFor();
      const manage = await page.locator('body').innerText();
      expect(manage).not.toContain(other.name);
      expect(manage).not.toContain(other.email);
      if (self === alan) await checkPageState(page, 'group-event-manage');
    }

    // The host: one occasion with both attendees, and the seats cannot go below what is booked.
    const hostContext = await browser().newContext({ timezoneId: ZONE, locale: 'en-US' });
    const hostPage = await hostContext.newPage();
    await signInOverHttp(hostPage, host.email, PASSWORD);
    await hostPage.goto(`${baseUrl}/dashboard`);
    await hostPage.getByRole('link', { name: /Ada Seatholder/ }).getByText('2 of 4 seats taken').waitFor();
    await checkPageState(hostPage, 'group-event-dashboard-list');
    await hostPage.getByRole('link', { name: /Ada Seatholder/ }).click();
    const attendees = hostPage.getByRole('region', { name: /Attendees/ });
    await attendees.getByText('2 of 4 seats taken').waitFor();
    await attendees.getByRole('link', { name: 'Alan Seatholder' }).waitFor();
    await attendees.getByText(alan.email).waitFor();
    await checkPageState(hostPage, 'group-event-dashboard-booking');

    await hostPage.goto(`${baseUrl}/dashboard/meeting-types/${host.meetingTypeId}`);
    const seats = hostPage.getByRole('group', { name: 'Group event' }).getByLabel(/Seats per time/);
    expect(await seats.inputValue()).toBe('4');
    await seats.fill('');
    await seats.fill('1');
    await hostPage.getByRole('button', { name: 'Save changes' }).click();
    await hostPage.getByText('Use 2 seats or more').first().waitFor();
    await seats.fill('');
    // Only 2 are booked, so 2 is the floor; a third seat booked by the API makes 2 too few.
    const third = await fetch(`${baseUrl}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingTypeId: host.meetingTypeId, start, name: 'Third Seatholder', email: `third-${randomBytes(3).toString('hex')}@example.test`, timezone: ZONE }),
    });
    expect(third.status).toBe(201);
    await seats.fill('2');
    await hostPage.getByRole('button', { name: 'Save changes' }).click();
    await hostPage.getByText(/3 invitees are already booked at one upcoming time/).first().waitFor();
    await checkPageState(hostPage, 'group-event-seats-refused');
    expect(await withSql(async (sql) => (await sql<{ seats_per_slot: number }[]>`select seats_per_slot from meeting_types where id = ${host.meetingTypeId}`)[0]?.seats_per_slot)).toBe(4);
    await hostContext.close();
    await adaPage.context().close();
    await alanPage.context().close();
  }, 180_000);
});
