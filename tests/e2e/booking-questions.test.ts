import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { fillDetails, firstOfferedTime, pickTime, uniqueEmail } from './booking-steps';
import { signInOverHttp } from './sign-in';

// Custom booking questions in Chromium through the production build: the host adds three questions
// on the meeting type page and moves one up, the invitee finds one prefilled from the link, is told
// beside the question what is missing, answers and sees their answers repeated; the host reads them
// on the booking's page and in their email.

const browser = launchBrowserPerFile();
const databaseUrl = inject('e2eDatabaseUrl');
const PASSWORD = 'a questions host password';

let sql: postgres.Sql;
beforeAll(() => {
  sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(() => sql?.end());

/** A verified host in New York with weekday hours and one meeting type without questions. */
async function hostWithMeetingType() {
  const suffix = randomBytes(4).toString('hex');
  const email = `questions-${suffix}@example.test`;
  const [host] = await sql<{ id: string; username: string }[]>`
    insert into users (email, name, username, time_zone, password_hash, email_verified)
    values (${email}, ${`Quinn Questioner ${suffix}`}, ${`quinn-${suffix}`}, 'America/New_York', ${await hashPassword(PASSWORD)}, now())
    returning id, username`;
  for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${host!.id}, ${day}, '09:00', '17:00')`;
  const [type] = await sql<{ id: string }[]>`insert into meeting_types (user_id, name, slug, duration_minutes) values (${host!.id}, 'Discovery call', 'discovery', 30) returning id`;
  return { id: host!.id, email, username: host!.username, meetingTypeId: type!.id };
}

async function hostEmailAbout(bookingId: string, hostEmail: string): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const [row] = await sql<{ text_body: string }[]>`
      select text_body from email_notifications where booking_id = ${bookingId} and recipient_email = ${hostEmail} and notification_type = 'confirmation'`;
    if (row) return row.text_body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no confirmation to ${hostEmail}`);
}

describe.skipIf(!hasBrowser)('custom booking questions, in Chromium', () => {
  it('a host adds questions, an invitee answers them, and the host sees the answers', async () => {
    const host = await hostWithMeetingType();
    const context = await browser().newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await context.newPage();
    await signInOverHttp(page, host.email, PASSWORD);

    // The host adds three questions, then moves the third (Company) to the top.
    await page.goto(`${baseUrl}/dashboard/meeting-types/${host.meetingTypeId}`);
    const add = page.getByRole('button', { name: '+ Add a question' });
    for (let i = 0; i < 3; i++) await add.click();
    const first = page.getByRole('group', { name: 'Question 1' });
    await first.getByLabel('Question', { exact: true }).fill('Topics to cover');
    await first.getByLabel('Answer type').selectOption('multiple_choice');
    await first.getByLabel('Options').fill('Pricing\nSecurity\nIntegrations');
    await first.getByLabel('Invitees must answer').check();
    const second = page.getByRole('group', { name: 'Question 2' });
    await second.getByLabel('Question', { exact: true }).fill('Phone for a call-back');
    await second.getByLabel('Answer type').selectOption('phone');
    await second.getByLabel('Help text').fill('Only if the video link fails.');
    const third = page.getByRole('group', { name: 'Question 3' });
    await third.getByLabel('Question', { exact: true }).fill('Company');
    await third.getByLabel('Invitees must answer').check();
    await third.getByRole('button', { name: 'Move question 3 up' }).click();
    // The keyboard stays with the moved question (now the second), on the same button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move question 2 up');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('group', { name: 'Question 1' }).getByLabel('Question', { exact: true }).inputValue()).toBe('Company');
    await checkPageState(page, 'questions-editor');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Your booking page shows the changes now.').waitFor();

    const [stored] = await sql<{ booking_questions: { id: string; label: string }[] }[]>`select booking_questions from meeting_types where id = ${host.meetingTypeId}`;
    expect(stored!.booking_questions.map((q) => q.label)).toEqual(['Company', 'Topics to cover', 'Phone for a call-back']);
    const companyId = stored!.booking_questions[0]!.id;

    // The embed's booking form asks the same questions, prefilled the same way.
    const embed = await browser().newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
    const framed = await embed.newPage();
    await framed.goto(`${baseUrl}/embed/${host.username}/discovery?q.${companyId}=Globex`);
    await pickTime(framed, (await firstOfferedTime(framed)).start, 'Europe/Berlin');
    expect(await framed.getByLabel('Company').inputValue()).toBe('Globex');
    expect(await framed.getByRole('group', { name: 'Topics to cover' }).getByRole('checkbox').count()).toBe(3);
    await checkPageState(framed, 'questions-embed-form');
    await embed.close();

    // The invitee opens a link that prefills Company, and forgets the required topics.
    const invitee = await browser().newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
    const form = await invitee.newPage();
    await form.goto(`${baseUrl}/${host.username}/discovery?q.${companyId}=Acme%20Ltd`);
    const { start } = await firstOfferedTime(form);
    await pickTime(form, start, 'Europe/Berlin');
    await fillDetails(form, 'Ada Answerer', uniqueEmail('ada-answers'));
    expect(await form.getByLabel('Company').inputValue()).toBe('Acme Ltd');
    const topics = form.getByRole('group', { name: 'Topics to cover' });
    await form.getByRole('button', { name: 'Confirm booking' }).click();
    await topics.getByText('Please answer this question.').waitFor();
    expect(await topics.getAttribute('aria-describedby')).toBeTruthy();
    await checkPageState(form, 'questions-booking-form-error');

    await topics.getByLabel('Security').check();
    await topics.getByLabel('Pricing').check();
    await form.getByLabel('Phone for a call-back (optional)').fill('+1 212 555 0100');
    await form.getByRole('button', { name: 'Confirm booking' }).click();
    const answers = form.getByTestId('confirmation-answers');
    await answers.waitFor();
    expect(await answers.textContent()).toContain('Topics to coverPricing, Security');
    expect(await answers.textContent()).toContain('CompanyAcme Ltd');
    await checkPageState(form, 'questions-confirmation');
    await invitee.close();

    // The host reads the answers on the booking's page and in their email.
    const [booking] = await sql<{ id: string }[]>`select id from bookings where meeting_type_id = ${host.meetingTypeId}`;
    await page.goto(`${baseUrl}/dashboard/bookings/${booking!.id}`);
    const shown = page.getByTestId('booking-answers');
    await shown.waitFor();
    expect(await shown.locator('dt').allTextContents()).toEqual(['Company', 'Topics to cover', 'Phone for a call-back']);
    expect(await shown.locator('dd').allTextContents()).toEqual(['Acme Ltd', 'Pricing, Security', '+1 212 555 0100']);
    await checkPageState(page, 'questions-booking-detail');
    expect(await hostEmailAbout(booking!.id, host.email)).toContain('Company: Acme Ltd\nTopics to cover: Pricing, Security');
    await context.close();
  }, 240_000);
});
