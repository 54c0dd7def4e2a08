import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { nextWeeksMonday } from './dates';
import { signInOverHttp } from './sign-in';

// The host's actions on a booking in Chromium through the production build (jobs inline, mail
// captured): reschedule for the invitee; request a new time, which the invitee answers from the
// email's link by picking a time or by declining; no-show on a meeting that took place; and the
// Cancelled tab saying who cancelled and why. axe and screenshots at 1280 and 375 px for each new state.

const browser = launchBrowserPerFile();
const PASSWORD = 'host actions password';

async function bookableHost() {
  const suffix = randomBytes(4).toString('hex');
  const email = `acts-${suffix}@example.test`;
  const hash = await hashPassword(PASSWORD);
  return withSql(async (sql) => {
    const [host] = await sql<{ id: string }[]>`
      insert into users (email, name, username, time_zone, password_hash, email_verified)
      values (${email}, ${`Hana Host ${suffix}`}, ${`acts-${suffix}`}, 'UTC', ${hash}, now()) returning id`;
    for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${host!.id}, ${day}, '09:00', '17:00')`;
    const [type] = await sql<{ id: string }[]>`
      insert into meeting_types (user_id, name, slug, duration_minutes, slot_interval_minutes) values (${host!.id}, 'Intro call', 'intro', 30, 30) returning id`;
    return { id: host!.id, email, name: `Hana Host ${suffix}`, meetingTypeId: type!.id, suffix };
  });
}

interface Booked {
  id: string;
  email: string;
  rescheduleUrl: string;
}

async function book(meetingTypeId: string, start: string, name: string): Promise<Booked> {
  const email = `${name.split(' ')[0]!.toLowerCase()}-${randomBytes(3).toString('hex')}@example.test`;
  const reply = await fetch(`${baseUrl}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ meetingTypeId, start, name, email, timezone: 'UTC' }),
  });
  expect(reply.status).toBe(201);
  const { booking } = (await reply.json()) as { booking: { id: string; rescheduleUrl: string } };
  return { id: booking.id, email, rescheduleUrl: booking.rescheduleUrl };
}

/** The captured email of `kind` to `to` (jobs run after the reply, so it may take a moment). */
async function mailText(to: string, kind: string): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const rows = await withSql((sql) => sql<{ text_body: string }[]>`select text_body from email_notifications where recipient_email = ${to} and notification_type = ${kind}`);
    if (rows[0]) return rows[0].text_body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${kind} email to ${to}`);
}

const statusOf = (id: string) => withSql(async (sql) => (await sql<{ status: string; cancelled_by: string | null }[]>`select status, cancelled_by from bookings where id = ${id}`)[0]);

describe.skipIf(!hasBrowser)('the host’s actions on a booking in Chromium', () => {
  it('reschedules for the invitee, who is emailed the new time with the host’s message', async () => {
    const host = await bookableHost();
    const monday = nextWeeksMonday();
    const ada = await book(host.meetingTypeId, `${monday}T10:00:00.000Z`, 'Ada Invitee');
    const context = await browser().newContext({ timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);

    await page.goto(`${baseUrl}/dashboard/bookings/${ada.id}`);
    await checkPageState(page, 'dashboard-booking-host-actions');
    await page.getByRole('link', { name: 'Reschedule…' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/bookings/${ada.id}/reschedule`);
    await page.getByRole('button', { name: /^Book / }).first().waitFor();
    await checkPageState(page, 'dashboard-booking-reschedule-pick');
    await page.getByRole('button', { name: /^Book / }).first().click();
    await page.getByRole('heading', { name: 'Confirm the new time' }).waitFor();
    await page.getByLabel(/Message to Ada Invitee/).fill('Sorry, a clash came up.');
    await checkPageState(page, 'dashboard-booking-reschedule-confirm');
    await page.getByRole('button', { name: 'Move and email Ada Invitee' }).click();
    await page.waitForURL(/\/dashboard\/bookings\/[0-9a-f-]+\?moved=1$/);
    await page.getByText('Booking moved. Ada Invitee has been emailed the new time.').waitFor();
    await checkPageState(page, 'dashboard-booking-moved');

    expect(await statusOf(ada.id)).toMatchObject({ status: 'rescheduled' });
    const mail = await mailText(ada.email, 'rescheduled');
    expect(mail).toContain(`${host.name} moved your meeting`);
    expect(mail).toContain('Sorry, a clash came up.');
    await context.close();
  }, 120_000);

  it('asks for a new time: one invitee picks one from the email link, another declines, and the Cancelled tab says who cancelled and why', async () => {
    const host = await bookableHost();
    const monday = nextWeeksMonday();
    const bo = await book(host.meetingTypeId, `${monday}T13:00:00.000Z`, 'Bo Invitee');
    const cy = await book(host.meetingTypeId, `${monday}T14:00:00.000Z`, 'Cy Invitee');
    const di = await book(host.meetingTypeId, `${monday}T15:00:00.000Z`, 'Di Invitee');
    const context = await browser().newContext({ timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);

    for (const booking of [bo, cy]) {
      await page.goto(`${baseUrl}/dashboard/bookings/${booking.id}`);
      await page.getByRole('button', { name: 'Request a new time…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/Message to/).fill('Could we move this to later in the week?');
      if (booking === bo) await checkPageState(page, 'dashboard-booking-request-dialog');
      await dialog.getByRole('button', { name: 'Send request' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(/^Request sent\./).waitFor();
    }
    await page.reload();
    await page.getByText('Confirmed, new time requested').waitFor();
    await checkPageState(page, 'dashboard-booking-new-time-requested');
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole('link', { name: /Bo Invitee/ }).getByText('New time requested').waitFor();
    await checkPageState(page, 'dashboard-bookings-new-time-requested');

    // Bo follows the email's link and picks a time.
    const invitee = await context.newPage();
    const link = (await mailText(bo.email, 'new_time_request')).match(/Pick a new time: (\S+)/)![1]!;
    expect(link).toBe(bo.rescheduleUrl);
    await invitee.goto(link);
    await invitee.getByText(/asked you to pick a new time/).waitFor();
    await invitee.getByText('“Could we move this to later in the week?”').waitFor();
    await invitee.getByRole('button', { name: /^Book / }).first().waitFor();
    await checkPageState(invitee, 'reschedule-new-time-requested');
    await invitee.getByRole('button', { name: /^Book / }).first().click();
    await invitee.getByRole('button', { name: 'Confirm new time' }).click();
    await invitee.getByRole('heading', { name: 'Rescheduled' }).waitFor();
    expect(await statusOf(bo.id)).toMatchObject({ status: 'rescheduled' });

    // Cy declines from the same kind of link.
    await invitee.goto((await mailText(cy.email, 'new_time_request')).match(/Pick a new time: (\S+)/)![1]!);
    await invitee.getByRole('button', { name: 'None of these times work' }).click();
    await invitee.getByLabel(/Anything to tell/).fill('I am away all month');
    await checkPageState(invitee, 'reschedule-new-time-decline');
    await invitee.getByRole('button', { name: 'Cancel the meeting' }).click();
    await invitee.getByRole('heading', { name: 'Meeting cancelled' }).waitFor();
    await checkPageState(invitee, 'reschedule-new-time-declined');
    expect(await statusOf(cy.id)).toEqual({ status: 'cancelled', cancelled_by: 'invitee' });
    expect(await mailText(host.email, 'cancellation')).toContain('Declined to pick a new time: I am away all month');

    // The host cancels Di; the Cancelled tab tells the two apart.
    await page.goto(`${baseUrl}/dashboard/bookings/${di.id}`);
    await page.getByRole('button', { name: 'Cancel booking…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.goto(`${baseUrl}/dashboard?tab=cancelled`);
    const cyRow = page.getByRole('link', { name: /Cy Invitee/ });
    await cyRow.getByText('Cancelled by the invitee').waitFor();
    expect(await cyRow.innerText()).toContain('Declined to pick a new time: I am away all month');
    await page.getByRole('link', { name: /Di Invitee/ }).getByText('Cancelled by you').waitFor();
    await checkPageState(page, 'dashboard-bookings-cancelled-by');
    await page.goto(`${baseUrl}/dashboard/bookings/${cy.id}`);
    await page.getByText('Cancelled by the invitee').waitFor();
    await context.close();
  }, 180_000);

  it('marks an invitee who did not come as a no-show, and takes it back', async () => {
    const host = await bookableHost();
    const id = await withSql(async (sql) => {
      const [row] = await sql<{ id: string }[]>`
        insert into bookings (host_user_id, meeting_type_id, invitee_name, invitee_email, invitee_timezone, start_time, end_time, status, cancel_token_hash, reschedule_token_hash)
        values (${host.id}, ${host.meetingTypeId}, 'Ed Invitee', ${`ed-${host.suffix}@example.test`}, 'UTC', now() - interval '2 hours', now() - interval '90 minutes', 'confirmed', ${`c-${host.suffix}`}, ${`r-${host.suffix}`})
        returning id`;
      return row!.id;
    });
    const context = await browser().newContext({ timezoneId: 'UTC', locale: 'en-US' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);
    await page.goto(`${baseUrl}/dashboard/bookings/${id}`);
    await page.getByText('Confirmed, took place').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel booking…' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mark as no-show' }).click();
    await page.getByText('No-show: the invitee did not come').waitFor();
    await checkPageState(page, 'dashboard-booking-no-show');
    await page.goto(`${baseUrl}/dashboard?tab=past`);
    await page.getByRole('link', { name: /Ed Invitee/ }).getByText('No-show').waitFor();
    await checkPageState(page, 'dashboard-bookings-past-no-show');
    await page.goto(`${baseUrl}/dashboard/bookings/${id}`);
    await page.getByRole('button', { name: 'Undo no-show' }).click();
    await page.getByText('Confirmed, took place').waitFor();
    await page.getByRole('button', { name: 'Mark as no-show' }).waitFor();
    await context.close();
  }, 120_000);
});
