import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { verifyFromMail } from './account-mail';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { DAY_MS, nextWeeksMonday } from './dates';
import { signInOverHttp } from './sign-in';

// A new host's first day, in Chromium through the production build: sign up (with a ready 30 minute
// meeting) → another meeting type →
// weekly hours and a date off → both on the public page → an invitee books → the booking on the
// dashboard → the host cancels it → its time is free again. Every dashboard page is checked with
// axe and photographed at desktop width and at 375 px.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
const ZONE = 'Europe/Berlin';

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function meetingTypeId(username: string, slug: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ id: string }[]>`select mt.id from meeting_types mt join users u on u.id = mt.user_id where u.username = ${username} and mt.slug = ${slug}`;
    if (!row) throw new Error(`no meeting type ${username}/${slug}`);
    return row.id;
  } finally {
    await sql.end();
  }
}

/** Slot starts per Berlin date, from the public API the booking page uses. */
async function openTimes(id: string, start: string, end: string): Promise<Map<string, string[]>> {
  const reply = await fetch(`${baseUrl}/api/v1/availability?meetingTypeId=${id}&start=${start}&end=${end}&timezone=${ZONE}`);
  expect(reply.status).toBe(200);
  const { slots } = (await reply.json()) as { slots: { start: string }[] };
  const byDate = new Map<string, string[]>();
  const dateIn = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  for (const slot of slots) {
    const date = dateIn.format(new Date(slot.start));
    byDate.set(date, [...(byDate.get(date) ?? []), slot.start]);
  }
  return byDate;
}

describe.skipIf(!hasBrowser)('a host’s dashboard in Chromium', () => {
  it('signs up, sets up a meeting type and hours, sees them public, and cancels an invitee’s booking', async () => {
    const context = await browser().newContext({ timezoneId: ZONE });
    const page = await context.newPage();
    const suffix = randomBytes(4).toString('hex');
    const username = `host-${suffix}`;

    await page.goto(`${baseUrl}/signup`);
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[role="combobox"]')?.value ?? '') !== '');
    await page.getByLabel('Name', { exact: true }).fill(`Hanna ${suffix}`);
    await page.getByLabel('Email').fill(`hanna-${suffix}@example.test`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await checkPageState(page, 'dashboard-bookings-empty');

    // A meeting type, beside the one every new host starts with.
    await page.goto(`${baseUrl}/dashboard/meeting-types`);
    await page.getByRole('list', { name: 'Your meeting types' }).getByRole('link', { name: '30 minute meeting' }).waitFor();
    await checkPageState(page, 'dashboard-meeting-types-starter');
    await page.getByRole('link', { name: 'New meeting type' }).first().click();
    await page.waitForURL(`${baseUrl}/dashboard/meeting-types/new`);
    await checkPageState(page, 'dashboard-meeting-type-new');
    await page.getByLabel('Name', { exact: true }).fill('Strategy session');
    await page.getByLabel('Duration', { exact: true }).fill('45');
    await page.getByRole('button', { name: 'Create meeting type' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/meeting-types`);
    await page.getByText('Strategy session').first().waitFor();
    await checkPageState(page, 'dashboard-meeting-types');
    const id = await meetingTypeId(username, 'strategy-session');
    await page.goto(`${baseUrl}/dashboard/meeting-types/${id}`);
    await checkPageState(page, 'dashboard-meeting-type-edit');

    // Weekly hours: Tuesday off; and the Wednesday of next week off by a date override.
    const monday = nextWeeksMonday();
    const wednesday = plusDays(monday, 2);
    await page.goto(`${baseUrl}/dashboard/availability`);
    await page.getByRole('checkbox', { name: 'Tuesday' }).uncheck();
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText('Weekly hours saved.').waitFor();
    await page.getByRole('button', { name: 'Add a date override' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill(wednesday);
    await dialog.getByLabel('Unavailable all day').check();
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await dialog.waitFor({ state: 'detached' });
    await checkPageState(page, 'dashboard-availability');

    // The booking page takes bookings once the address is confirmed from the mail.
    await verifyFromMail(page, `hanna-${suffix}@example.test`);

    // Both show on the public page's availability at once.
    const publicPage = await context.newPage();
    expect((await publicPage.goto(`${baseUrl}/${username}/strategy-session`))?.status()).toBe(200);
    await publicPage.getByRole('heading', { name: 'Strategy session' }).waitFor();
    await publicPage.close();
    const week = await openTimes(id, monday, plusDays(monday, 3));
    expect(week.get(monday)?.length).toBeGreaterThan(0);
    expect(week.get(plusDays(monday, 1))).toBeUndefined(); // Tuesday: off every week
    expect(week.get(wednesday)).toBeUndefined(); // the override
    expect(week.get(plusDays(monday, 3))?.length).toBeGreaterThan(0);

    // An invitee books Monday's first time; it is listed on the dashboard.
    const start = week.get(monday)![0]!;
    const booked = await fetch(`${baseUrl}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingTypeId: id, start, name: 'Ivo Invitee', email: `ivo-${suffix}@example.test`, timezone: 'America/Chicago' }),
    });
    expect(booked.status).toBe(201);
    expect((await openTimes(id, monday, monday)).get(monday)).not.toContain(start);
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole('link', { name: /Ivo Invitee/ }).click();
    await page.waitForURL(/\/dashboard\/bookings\//);
    await checkPageState(page, 'dashboard-booking-detail');

    // The host cancels it: the time is free again.
    await page.getByRole('button', { name: 'Cancel booking…' }).click();
    await page.getByRole('dialog').getByLabel(/Reason/).fill('Double-booked elsewhere');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(/cancelled/i).first().waitFor();
    expect((await openTimes(id, monday, monday)).get(monday)).toContain(start);

    await page.goto(`${baseUrl}/dashboard?tab=cancelled`);
    await page.getByRole('link', { name: /Ivo Invitee/ }).waitFor();
    await checkPageState(page, 'dashboard-bookings-cancelled');
    await page.goto(`${baseUrl}/dashboard/settings`);
    await checkPageState(page, 'dashboard-settings');
    await context.close();
  }, 120_000);

  it('signs the demo host in and shows its two meeting types', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await signInOverHttp(page, 'demo@example.com', 'demo-password');
    await page.goto(`${baseUrl}/dashboard/meeting-types`);
    const list = page.getByRole('list', { name: 'Your meeting types' });
    await list.waitFor();
    const text = await list.innerText();
    expect(text).toContain('Intro call');
    expect(text).toContain('Deep dive');
    await checkPageState(page, 'dashboard-meeting-types-demo');
    await context.close();
  });
});
