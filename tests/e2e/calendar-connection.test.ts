import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { type RunningServer, startProductionServer } from '../setup/production-server';
import { axeViolations } from './axe';
import { hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { screenshotBothWidths } from './screenshots';

// A host connects the fake Google account through the real UI; its events block slots on the public
// page; an invitee books and the event appears in the fake calendar; cancelling removes it and frees
// the slot. The app runs its production build with GOOGLE_API_ORIGIN pointing at the fake.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
const DAY_MS = 86_400_000;
let fake: GoogleFake;
let app: RunningServer;

/** The Monday 7–13 days from now, as "YYYY-MM-DD" (UTC host: wall time = UTC). */
function nextWeeksMonday(): string {
  const now = new Date();
  const daysToMonday = ((8 - now.getUTCDay()) % 7) + 7;
  return new Date(now.getTime() + daysToMonday * DAY_MS).toISOString().slice(0, 10);
}

async function createHost() {
  const sql = postgres(databaseUrl, { max: 1 });
  const suffix = randomBytes(4).toString('hex');
  try {
    const [host] = await sql<{ id: string }[]>`
      insert into users (email, name, username, time_zone, password_hash, email_verified)
      values (${`cal-${suffix}@example.test`}, ${`Cal Host ${suffix}`}, ${`cal-${suffix}`}, 'UTC', ${await hashPassword('calendar host password')}, now())
      returning id`;
    for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${host!.id}, ${day}, '09:00', '17:00')`;
    const [type] = await sql<{ id: string }[]>`insert into meeting_types (user_id, name, slug, duration_minutes, add_video_link) values (${host!.id}, 'Intro', 'intro', 30, true) returning id`;
    return { email: `cal-${suffix}@example.test`, username: `cal-${suffix}`, meetingTypeId: type!.id };
  } finally {
    await sql.end();
  }
}

const expireTokens = (email: string) =>
  withSql((sql) => sql`update calendar_connections set expires_at = now() - interval '1 minute' where user_id = (select id from users where email = ${email})`);
const connectionStatus = (email: string) =>
  withSql(async (sql) => (await sql<{ status: string }[]>`select status from calendar_connections where user_id = (select id from users where email = ${email})`)[0]?.status);
const reauthEmails = (email: string) =>
  withSql(async (sql) => (await sql<{ n: number }[]>`select count(*)::int as n from email_notifications where recipient_email = ${email} and notification_type = 'calendar_reauth'`)[0]!.n);

async function slotStarts(meetingTypeId: string, date: string): Promise<string[]> {
  const reply = await fetch(`${app.baseUrl}/api/v1/availability?meetingTypeId=${meetingTypeId}&start=${date}&end=${date}&timezone=UTC`);
  expect(reply.status).toBe(200);
  return ((await reply.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}\n--- app output ---\n${app.output.join('').slice(-4000)}`);
}

beforeAll(async () => {
  if (!hasBrowser) return;
  fake = await startGoogleFake();
  app = await startProductionServer(databaseUrl, {
    GOOGLE_CLIENT_ID: fake.clientId,
    GOOGLE_CLIENT_SECRET: fake.clientSecret,
    GOOGLE_API_ORIGIN: fake.origin,
    TOKEN_ENCRYPTION_KEY: `e2e:${randomBytes(32).toString('base64')}`,
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe.skipIf(!hasBrowser)('connecting Google Calendar', () => {
  it('blocks slots with the calendar’s events, writes the booking to it, and removes it on cancel', async () => {
    const host = await createHost();
    const monday = nextWeeksMonday();
    const busyStart = `${monday}T10:00:00.000Z`;
    await fake.addEvent({ summary: 'Dentist', start: { dateTime: busyStart }, end: { dateTime: `${monday}T11:00:00.000Z` } });
    expect(await slotStarts(host.meetingTypeId, monday)).toContain(busyStart);

    const context = await browser().newContext({ timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/signin`);
    await page.getByLabel('Email').fill(host.email);
    await page.getByLabel('Password').fill('calendar host password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto(`${app.baseUrl}/dashboard/integrations`);
    await page.getByRole('link', { name: 'Integrations' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Connect Google Calendar' }).click();
    await page.getByText('Google Calendar connected.').waitFor();
    await expect(page.getByText(fake.store.accountEmail).first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'dashboard-integrations');

    // The first sync ran before the page loaded: the dentist blocks 10:00–11:00.
    const starts = await slotStarts(host.meetingTypeId, monday);
    expect(starts).not.toContain(busyStart);
    expect(starts).not.toContain(`${monday}T10:30:00.000Z`);
    expect(starts).toContain(`${monday}T11:00:00.000Z`);

    // "Blocks time" is a form saved as it changes: unticked, the dentist stops blocking at once; ticked
    // again, a sync is requested (the calendar-sync job, run in the background inline) and reads it back.
    const blocksTime = page.getByRole('listitem').filter({ hasText: '(primary)' }).getByRole('checkbox', { name: 'Blocks time' });
    await blocksTime.click();
    await until(async () => !(await blocksTime.isChecked()), 'the page shows the calendar not blocking');
    expect(await slotStarts(host.meetingTypeId, monday)).toContain(busyStart);
    await blocksTime.click();
    await until(async () => await blocksTime.isChecked(), 'the page shows the calendar blocking again');
    await until(async () => !(await slotStarts(host.meetingTypeId, monday)).includes(busyStart), 'the requested sync read the dentist again');

    // On the public page, Monday offers 11:00 but not 10:00; an invitee books 14:00 and the event lands in Google.
    const invitee = await context.newPage();
    await invitee.goto(`${app.baseUrl}/${host.username}/intro`);
    const heading = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(`${monday}T00:00:00Z`));
    const day = invitee.getByRole('button', { name: new RegExp(`^${heading},`) });
    await day.or(invitee.getByRole('button', { name: 'Next month' })).first().waitFor();
    if ((await day.count()) === 0) await invitee.getByRole('button', { name: 'Next month' }).click();
    await day.click();
    await invitee.getByRole('button', { name: /^Book 11:00\sAM$/ }).waitFor();
    expect(await invitee.getByRole('button', { name: /^Book 10:00\sAM$/ }).count()).toBe(0);
    expect(await invitee.getByRole('button', { name: /^Book 10:30\sAM$/ }).count()).toBe(0);
    await invitee.getByRole('button', { name: /^Book 2:00\sPM$/ }).click();
    await invitee.getByLabel('Name').fill('Ida Invitee');
    await invitee.getByLabel('Email').fill('ida@example.test');
    const reply = invitee.waitForResponse((r) => r.url().endsWith('/api/v1/bookings') && r.request().method() === 'POST');
    await invitee.getByRole('button', { name: 'Confirm booking' }).click();
    const { booking } = (await (await reply).json()) as { booking: { id: string; cancelUrl: string } };
    await invitee.getByTestId('confirmation').waitFor();
    await until(() => fake.store.live(fake.store.accountEmail).some((e) => e.start.dateTime === `${monday}T14:00:00.000Z`), 'the booking is in the fake calendar');
    const written = fake.store.live(fake.store.accountEmail).find((e) => e.start.dateTime === `${monday}T14:00:00.000Z`)!;
    expect(written.attendees?.[0]?.email).toBe('ida@example.test');
    expect(written.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);

    // Cancel: the event is deleted at Google and the slot is free again.
    const token = new URL(booking.cancelUrl).searchParams.get('token');
    const cancelled = await fetch(`${app.baseUrl}/api/v1/bookings/${booking.id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(cancelled.status).toBe(200);
    expect(await slotStarts(host.meetingTypeId, monday)).toContain(`${monday}T14:00:00.000Z`);
    await until(() => !fake.store.live(fake.store.accountEmail).some((e) => e.id === written.id), 'the event is gone from the fake calendar');

    // The host withdraws consent at Google and presses "Sync now" (push needs an https APP_URL, which
    // this server has not): the refresh gets invalid_grant, the connection needs reconnecting, the
    // host is emailed once and sees a banner.
    fake.auth.revokeAllGrants();
    await expireTokens(host.email);
    await fake.cancelEvent(fake.store.live(fake.store.accountEmail).find((e) => e.summary === 'Dentist')!.id);
    await page.goto(`${app.baseUrl}/dashboard/integrations`);
    await page.getByRole('button', { name: `Sync now: Google Calendar ${fake.store.accountEmail}` }).click();
    await until(async () => (await connectionStatus(host.email)) === 'reauth_required', 'the connection needs reconnecting');
    await until(async () => (await reauthEmails(host.email)) === 1, 'the host was emailed');
    await page.getByText('Google Calendar needs you to reconnect').waitFor();
    await page.getByRole('link', { name: 'Reconnect Google Calendar' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotBothWidths(page, 'dashboard-integrations-reconnect');
    // The last known busy time still blocks (the dentist stays until a sync can read again).
    expect(await slotStarts(host.meetingTypeId, monday)).not.toContain(busyStart);
    await context.close();
  });
});
