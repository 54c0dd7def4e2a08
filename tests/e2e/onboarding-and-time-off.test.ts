import { describe, expect, it } from 'vitest';
import { signUpThroughForm, verifyFromMail } from './account-mail';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { DAY_MS, nextWeeksMonday } from './dates';

// Issue 17 part C in Chromium on the production build: a new host's first-run checklist, a week off in
// one dialog (then not offered on the public page), and one day's hours copied to chosen days.

const browser = launchBrowserPerFile();
const ZONE = 'Europe/London';

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function starterTypeId(username: string): Promise<string> {
  const [row] = await withSql((sql) => sql<{ id: string }[]>`select mt.id from meeting_types mt join users u on u.id = mt.user_id where u.username = ${username} and mt.slug = '30min'`);
  if (!row) throw new Error(`no starter meeting type for ${username}`);
  return row.id;
}

/** How many slots the public API (what the booking page shows) offers on each London date. */
async function openTimes(meetingTypeId: string, start: string, end: string): Promise<Map<string, number>> {
  const reply = await fetch(`${baseUrl}/api/v1/availability?meetingTypeId=${meetingTypeId}&start=${start}&end=${end}&timezone=${ZONE}`);
  expect(reply.status).toBe(200);
  const { slots } = (await reply.json()) as { slots: { start: string }[] };
  const dateIn = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const byDate = new Map<string, number>();
  for (const slot of slots) {
    const date = dateIn.format(new Date(slot.start));
    byDate.set(date, (byDate.get(date) ?? 0) + 1);
  }
  return byDate;
}

describe.skipIf(!hasBrowser)('a new host’s first run, time off and copied hours', () => {
  it('sign up → checklist with the default hours → edit the meeting type, copy the link, keep the hours → progress → hidden for good', async () => {
    const context = await browser().newContext({ timezoneId: ZONE });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await context.newPage();
    const host = await signUpThroughForm(page, 'nora');

    const checklist = page.getByRole('region', { name: 'Get ready to take bookings' });
    await checklist.waitFor();
    await checklist.getByText('0 of 5 done').waitFor();
    expect(await checklist.getByRole('progressbar').getAttribute('value')).toBe('0');
    await checklist.getByText(`You can be booked Mon–Fri, 9:00–17:00, ${ZONE}.`).waitFor();
    await checklist.getByText(`${baseUrl}/${host.username}`).waitFor();
    await checkPageState(page, 'dashboard-onboarding-new');

    // The ready meeting type, edited.
    await checklist.getByRole('link', { name: 'Edit meeting type' }).click();
    await page.waitForURL(/\/dashboard\/meeting-types\/[0-9a-f-]+$/);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('30 minute meeting');
    await page.getByLabel('Name', { exact: true }).fill('Intro chat');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Your booking page shows the changes now.').waitFor();
    await page.goto(`${baseUrl}/dashboard`);
    await checklist.getByText('1 of 5 done').waitFor();

    // The link, copied: the step is recorded once the clipboard has it.
    await checklist.getByRole('button', { name: 'Copy link to your booking page' }).click();
    await checklist.getByText('2 of 5 done').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl}/${host.username}`);

    // The default hours, kept.
    await checklist.getByRole('button', { name: 'These are right' }).click();
    await checklist.getByText('3 of 5 done').waitFor();
    const steps = checklist.getByRole('listitem');
    expect(await steps.count()).toBe(5);
    expect(await steps.filter({ hasText: 'Done' }).allInnerTexts()).toHaveLength(3);
    await checkPageState(page, 'dashboard-onboarding-progress');

    await checklist.getByRole('button', { name: 'Hide checklist' }).click();
    await checklist.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Bookings', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: /take bookings/ }).count()).toBe(0);
    await checkPageState(page, 'dashboard-onboarding-hidden');
    await context.close();
  }, 120_000);

  it('takes a week off in one dialog (the public page then offers none of it), and copies Monday’s hours to the weekend', async () => {
    const context = await browser().newContext({ timezoneId: ZONE });
    const page = await context.newPage();
    const host = await signUpThroughForm(page, 'otto');
    await verifyFromMail(page, host.email);
    const id = await starterTypeId(host.username);
    const monday = nextWeeksMonday();
    const friday = plusDays(monday, 4);
    expect((await openTimes(id, monday, friday)).get(monday)).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/dashboard/availability`);
    await page.getByRole('button', { name: 'Add time off' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add time off' });
    await dialog.getByRole('button', { name: 'Add time off' }).click();
    await dialog.getByText('Choose a date').first().waitFor();
    expect(await dialog.getByText('Invalid ISO date').count()).toBe(0);
    await checkPageState(page, 'availability-time-off-empty');

    await dialog.getByLabel('First day off').fill(monday);
    await dialog.getByLabel('Last day off').fill(friday);
    await dialog.getByRole('button', { name: 'Add time off' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Time off added: 5 days.').waitFor();
    const overrides = page.getByRole('region', { name: 'Date overrides' }).getByRole('listitem');
    await overrides.nth(4).waitFor();
    expect(await overrides.filter({ hasText: 'Unavailable all day' }).count()).toBe(5);
    await checkPageState(page, 'availability-time-off-added');

    const week = await openTimes(id, monday, plusDays(monday, 7));
    for (let day = 0; day < 5; day++) expect(week.get(plusDays(monday, day)), plusDays(monday, day)).toBeUndefined();
    expect(week.get(plusDays(monday, 7))).toBeGreaterThan(0);

    // Separate dates: two Wednesdays later on.
    await page.getByRole('button', { name: 'Add time off' }).click();
    await dialog.getByLabel('Separate dates').check();
    await dialog.getByRole('textbox', { name: 'Date 1', exact: true }).fill(plusDays(monday, 9));
    await dialog.getByRole('button', { name: '+ Add another date' }).click();
    await dialog.getByRole('textbox', { name: 'Date 2', exact: true }).fill(plusDays(monday, 16));
    await checkPageState(page, 'availability-time-off-dates');
    await dialog.getByRole('button', { name: 'Add time off' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Time off added: 2 days.').waitFor();

    // Monday's hours to Saturday and Sunday, through "Copy to…".
    await page.getByRole('button', { name: 'Copy Monday’s hours to…' }).click();
    const copyDialog = page.getByRole('dialog', { name: 'Copy Monday’s hours to' });
    await copyDialog.getByLabel('Saturday').check();
    await copyDialog.getByLabel('Sunday').check();
    await checkPageState(page, 'availability-copy-hours');
    await copyDialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await copyDialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('checkbox', { name: 'Saturday', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Sunday', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Saturday: from').inputValue()).toBe('09:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText('Weekly hours saved.').waitFor();
    const weekend = await openTimes(id, plusDays(monday, 12), plusDays(monday, 13));
    expect(weekend.get(plusDays(monday, 12))).toBeGreaterThan(0);
    expect(weekend.get(plusDays(monday, 13))).toBeGreaterThan(0);
    await context.close();
  }, 120_000);
});
