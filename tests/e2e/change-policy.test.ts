import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatShortDateTime } from '@/components/booking/format-time';
import { hashPassword } from '@/lib/secrets/password';
import { checkPageState } from './axe';
import { fillDetails, firstOfferedTime, pickTime, uniqueEmail } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { signInOverHttp } from './sign-in';

// The change policy up front, in Chromium through the production build: the host sets it on the
// meeting type form (units, buffers explained, a contact line); the invitee reads it on the booking
// page and the confirmation; a booking inside its cut-off has no change links on the page or in the
// email, and its manage page says when changes closed and how to reach the host.

const browser = launchBrowserPerFile();
const ZONE = 'Europe/Berlin';
const PASSWORD = 'change policy host password';
const DAY_MINUTES = 1440;
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ timezoneId: ZONE, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

/** A verified host in UTC, open 08:00–20:00 every day, with a 7-day cut-off type and a 1-hour one. */
async function policyHost() {
  const suffix = randomBytes(4).toString('hex');
  const email = `ada-${suffix}@example.test`;
  const username = `ada-${suffix}`;
  const passwordHash = await hashPassword(PASSWORD);
  return withSql(async (sql) => {
    const [host] = await sql<{ id: string }[]>`
      insert into users (email, name, username, time_zone, password_hash, email_verified)
      values (${email}, 'Ada Lovelace', ${username}, 'UTC', ${passwordHash}, now()) returning id`;
    const hostId = host!.id;
    for (const day of [0, 1, 2, 3, 4, 5, 6]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${hostId}, ${day}, '08:00', '20:00')`;
    const [strict] = await sql<{ id: string }[]>`
      insert into meeting_types (user_id, name, slug, duration_minutes, buffer_after_minutes, min_notice_minutes, max_days_in_future, min_change_notice_minutes, slot_interval_minutes)
      values (${hostId}, 'Intro call', 'intro', 45, 15, 720, 56, ${7 * DAY_MINUTES}, 60) returning id`;
    const [relaxed] = await sql<{ id: string }[]>`
      insert into meeting_types (user_id, name, slug, min_change_notice_minutes) values (${hostId}, 'Quick chat', 'quick', 60) returning id`;
    return { email, username, strictId: strict!.id, relaxedId: relaxed!.id };
  });
}

/** The invitee's captured confirmation (the dev inbox's source), once the inline job has sent it. */
async function inviteeConfirmation(bookingId: string): Promise<{ textBody: string; body: string; replyTo: string | null; ics: string }> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const rows = await withSql(
      (sql) => sql<{ text_body: string; body: string; reply_to: string | null; attachments: { content: string }[] | null }[]>`
        select n.text_body, n.body, n.reply_to, n.attachments from email_notifications n join bookings b on b.id = n.booking_id
        where n.booking_id = ${bookingId} and n.notification_type = 'confirmation' and n.recipient_email = b.invitee_email`,
    );
    const row = rows[0];
    if (row) return { textBody: row.text_body, body: row.body, replyTo: row.reply_to, ics: (row.attachments?.[0]?.content ?? '').replace(/\r\n /g, '') };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no confirmation email for booking ${bookingId}`);
}

async function bookThroughPage(page: Page, username: string, slug: string, accept?: (start: string) => boolean) {
  await page.goto(`${baseUrl}/${username}/${slug}`);
  const { start } = await firstOfferedTime(page, accept);
  await pickTime(page, start, ZONE);
  await fillDetails(page, 'Grace Hopper', uniqueEmail('grace'));
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/bookings') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  const { booking } = (await (await reply).json()) as { booking: { id: string; start: string; cancelUrl: string; rescheduleUrl: string } };
  await page.getByTestId('confirmation').waitFor();
  return booking;
}

describe.skipIf(!hasBrowser)('the change policy in Chromium', () => {
  it('shows stored durations in their best unit, saves what the pickers say, and explains the buffer', async () => {
    const host = await policyHost();
    const page = await newPage();
    await signInOverHttp(page, host.email, PASSWORD);
    await page.goto(`${baseUrl}/dashboard/meeting-types/${host.strictId}`);
    const form = page.getByRole('form', { name: 'Edit meeting type' });
    await form.waitFor();

    // 720 minutes read as 12 hours, 10,080 as 7 days, 56 days as 8 weeks.
    const shown = async (label: string) => [await form.getByLabel(label, { exact: true }).inputValue(), await form.getByLabel(`${label}: unit`).inputValue()];
    expect(await shown('Minimum notice')).toEqual(['12', 'hours']);
    expect(await shown('Cut-off for invitee changes')).toEqual(['7', 'days']);
    expect(await shown('Booking window')).toEqual(['8', 'weeks']);
    expect(await shown('Duration')).toEqual(['45', 'minutes']);
    expect(await form.getByLabel('Cut-off for invitee changes', { exact: true }).getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.getByText('Invitees may cancel or reschedule until 7 days before the meeting.').count()).toBe(1);
    await expect(page.getByTestId('buffer-explanation').textContent()).resolves.toBe(
      'With 45-minute meetings and a 15-minute buffer after, the last start in 09:00–17:00 is 16:00, because the buffer must also fit inside your hours. No other booking can fall inside a buffer.',
    );
    // The explanation follows the form as it is edited.
    await form.getByLabel('Buffer after', { exact: true }).fill('1');
    await form.getByLabel('Buffer after: unit').selectOption('hours');
    await expect(page.getByTestId('buffer-explanation').textContent()).resolves.toContain('a 1-hour buffer after, the last start in 09:00–17:00 is 15:00');
    await form.getByLabel('Buffer after', { exact: true }).fill('15');
    await form.getByLabel('Buffer after: unit').selectOption('minutes');

    // The video-link checkbox: its label and hint on lines of their own, the box beside them.
    const label = await page.getByText('Add a video link', { exact: true }).boundingBox();
    const hint = await page.getByText('Each booking on your calendar gets a Google Meet').boundingBox();
    expect(hint!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
    await checkPageState(page, 'meeting-type-units');

    // Typed in other units, stored in the model's, shown again in the best unit.
    await form.getByLabel('Minimum notice', { exact: true }).fill('1');
    await form.getByLabel('Minimum notice: unit').selectOption('days');
    await form.getByLabel('How invitees reach you after the cut-off').fill('Call 020 7946 0000');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Your booking page shows the changes now.').waitFor();
    const [stored] = await withSql((sql) => sql<{ min_notice_minutes: number; contact_line: string; min_change_notice_minutes: number; max_days_in_future: number }[]>`
      select min_notice_minutes, contact_line, min_change_notice_minutes, max_days_in_future from meeting_types where id = ${host.strictId}`);
    expect(stored).toEqual({ min_notice_minutes: 1440, contact_line: 'Call 020 7946 0000', min_change_notice_minutes: 7 * DAY_MINUTES, max_days_in_future: 56 });
    await page.reload();
    expect(await shown('Minimum notice')).toEqual(['1', 'days']);

    // A unit the number does not fit whole is refused beside the field.
    await form.getByLabel('Duration', { exact: true }).fill('0.5');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Use whole minutes').waitFor();
    await checkPageState(page, 'meeting-type-units-error');
  });

  it('states the policy on the booking page and the confirmation, with the links while changes are open', async () => {
    const host = await policyHost();
    const page = await newPage();
    await page.goto(`${baseUrl}/${host.username}/quick`);
    await expect(page.getByTestId('booking-policy').textContent()).resolves.toBe('You can reschedule or cancel until 1 hour before the meeting.');
    await bookThroughPage(page, host.username, 'quick', (start) => Date.parse(start) > Date.now() + 3 * 3_600_000);
    await expect(page.getByTestId('change-policy').textContent()).resolves.toContain('You can reschedule or cancel until 1 hour before the meeting.');
    await page.getByRole('link', { name: 'Reschedule' }).waitFor();
    await page.getByRole('link', { name: 'Cancel booking' }).waitFor();
    await checkPageState(page, 'confirmation-policy-open');
  });

  it('gives a booking made inside its cut-off no change links, on the page or in the email, and says how to reach the host', async () => {
    const host = await policyHost();
    await withSql((sql) => sql`update meeting_types set contact_line = 'Call 020 7946 0000' where id = ${host.strictId}`);
    const page = await newPage();
    await page.goto(`${baseUrl}/${host.username}/intro`);
    await expect(page.getByTestId('booking-policy').textContent()).resolves.toBe('You can reschedule or cancel until 7 days before the meeting.');
    await checkPageState(page, 'booking-page-policy');

    // Within the next 7 days: inside the cut-off from the moment it is booked.
    const booking = await bookThroughPage(page, host.username, 'intro', (start) => Date.parse(start) < Date.now() + 6 * DAY_MINUTES * 60_000);
    const confirmation = page.getByTestId('confirmation');
    expect(await confirmation.getByRole('link', { name: 'Reschedule' }).count()).toBe(0);
    expect(await confirmation.getByRole('link', { name: 'Cancel booking' }).count()).toBe(0);
    const said = await page.getByTestId('change-policy').textContent();
    expect(said).toContain('This booking can’t be changed online: changes close 7 days before the meeting.');
    expect(said).toContain('To change it, reply to your confirmation email to reach Ada Lovelace.');
    expect(said).toContain('Contact: Call 020 7946 0000');
    // Nor in the calendar links the page offers.
    for (const name of ['Google Calendar', 'Outlook']) expect(await page.getByRole('link', { name }).getAttribute('href')).not.toContain('token');
    await checkPageState(page, 'confirmation-inside-cut-off');

    const mail = await inviteeConfirmation(booking.id);
    for (const text of [mail.textBody, mail.body, mail.ics]) expect(text).not.toMatch(/\/(cancel|reschedule)\?token=/);
    expect(mail.textBody).toContain('To change it, reply to this email to reach Ada Lovelace.');
    expect(mail.textBody).toContain('Contact: Call 020 7946 0000');
    expect(mail.replyTo).toBe(host.email);

    // The link the API still hands out leads to a refusal that tells the truth about when.
    await page.goto(booking.cancelUrl);
    await page.getByRole('heading', { name: 'This booking can’t be cancelled' }).waitFor();
    await expect(page.getByTestId('changes-closed').textContent()).resolves.toBe(
      'This booking was made less than 7 days before the meeting, so it can’t be changed online (changes close 7 days before).',
    );
    await expect(page.getByTestId('contact-line').textContent()).resolves.toBe('Contact: Call 020 7946 0000');
    await checkPageState(page, 'refusal-made-inside-cut-off');
  });

  it('names the real closing instant, in the invitee’s zone, for a booking made in good time', async () => {
    const host = await policyHost();
    const page = await newPage();
    const booking = await bookThroughPage(page, host.username, 'intro', (start) => Date.parse(start) < Date.now() + 6 * DAY_MINUTES * 60_000);
    // As if booked a month ago: the cut-off passed after the booking was made.
    await withSql((sql) => sql`update bookings set created_at = now() - interval '30 days' where id = ${booking.id}`);
    const closedAt = Date.parse(booking.start) - 7 * DAY_MINUTES * 60_000;

    await page.goto(booking.rescheduleUrl);
    await page.getByRole('heading', { name: 'This booking can’t be rescheduled' }).waitFor();
    await expect(page.getByTestId('changes-closed').textContent()).resolves.toBe(
      `Online changes closed on ${formatShortDateTime(closedAt, ZONE, { withYear: true })}, 7 days before the meeting.`,
    );
    await page.getByText('To change it, reply to your confirmation email to reach Ada Lovelace.').waitFor();
    await checkPageState(page, 'refusal-closed-later');
  });

  it('words the settings page’s username and time zone like the rest of the dashboard', async () => {
    const host = await policyHost();
    const page = await newPage();
    await signInOverHttp(page, host.email, PASSWORD);
    await page.goto(`${baseUrl}/dashboard/settings`);
    await page.getByText(`Your booking page is /${host.username}.`, { exact: false }).waitFor();
    await page.getByLabel('Username').fill('ada-renamed');
    await page.getByText('Your booking page is /ada-renamed.', { exact: false }).waitFor();

    const zoneForm = async () => {
      const form = page.getByRole('form', { name: 'Time zone' });
      return { text: await form.innerText(), button: await form.getByRole('button').textContent() };
    };
    const onSettings = await zoneForm();
    await page.goto(`${baseUrl}/dashboard/availability`);
    expect(await zoneForm()).toEqual(onSettings);

    // A date override saved without a date asks for one beside the field.
    await page.getByRole('button', { name: 'Add a date override' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await dialog.getByText('Choose a date').waitFor();
    expect(await dialog.getByLabel('Date').getAttribute('aria-invalid')).toBe('true');
    await checkPageState(page, 'override-without-date');
  });
});
