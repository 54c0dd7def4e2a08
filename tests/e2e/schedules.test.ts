import { describe, expect, it } from 'vitest';
import { signUpThroughForm, verifyFromMail } from './account-mail';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';
import { nextWeeksMonday } from './dates';

// Issue 18, several schedules, in Chromium on the production build: a host makes an "Evenings"
// schedule with its own Monday hours, puts a new meeting type on it, and the public availability offers
// each meeting type its own schedule's hours. Rename, the refused delete and the picker are seen too.

const browser = launchBrowserPerFile();
const ZONE = 'Europe/London';

/** The host's meeting types by name. */
async function meetingTypeIds(username: string): Promise<Map<string, string>> {
  const rows = await withSql((sql) => sql<{ id: string; name: string }[]>`select mt.id, mt.name from meeting_types mt join users u on u.id = mt.user_id where u.username = ${username}`);
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** Slot starts the public API offers on a London date, as London "HH:MM". */
async function openTimes(meetingTypeId: string, date: string): Promise<string[]> {
  const reply = await fetch(`${baseUrl}/api/v1/availability?meetingTypeId=${meetingTypeId}&start=${date}&end=${date}&timezone=${ZONE}`);
  expect(reply.status).toBe(200);
  const { slots } = (await reply.json()) as { slots: { start: string }[] };
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return slots.map((slot) => clock.format(new Date(slot.start)));
}

describe.skipIf(!hasBrowser)('two schedules on two meeting types', () => {
  it('a new "Evenings" schedule with its own hours, a meeting type on it, and each meeting type offers its own schedule’s times', async () => {
    const context = await browser().newContext({ timezoneId: ZONE });
    const page = await context.newPage();
    const host = await signUpThroughForm(page, 'sched');
    await verifyFromMail(page, host.email);

    await page.goto(`${baseUrl}/dashboard/availability`);
    const schedules = page.getByRole('navigation', { name: 'Schedules' });
    await schedules.getByRole('link', { name: /Working hours/ }).waitFor();
    expect(await schedules.getByRole('link', { name: /Working hours/ }).getAttribute('aria-current')).toBe('page');
    await checkPageState(page, 'schedules-default');

    // A new schedule: named in a dialog, then shown with no hours yet.
    await page.getByRole('button', { name: 'New schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New schedule' });
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.getByText('Enter a name').waitFor();
    await checkPageState(page, 'schedules-new-dialog-error');
    await dialog.getByLabel('Name').fill('Evenings');
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await page.waitForURL(/\/dashboard\/availability\?schedule=[0-9a-f-]+$/);
    await dialog.waitFor({ state: 'detached' });
    await schedules.getByRole('link', { name: 'Evenings' }).and(page.locator('[aria-current="page"]')).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Monday', exact: true }).isChecked()).toBe(false);

    // Its own Monday: 18:00–20:00.
    await page.getByRole('checkbox', { name: 'Monday', exact: true }).check();
    await page.getByLabel('Monday: from').selectOption('18:00');
    await page.getByLabel('Monday: until').selectOption('20:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByText('Weekly hours saved.').waitFor();
    await checkPageState(page, 'schedules-evenings');

    // A meeting type on it, picked in the form.
    await page.goto(`${baseUrl}/dashboard/meeting-types/new`);
    await page.getByLabel('Name', { exact: true }).fill('Evening consult');
    await page.getByLabel('Schedule').selectOption({ label: 'Evenings' });
    await checkPageState(page, 'schedules-meeting-type-picker');
    await page.getByRole('button', { name: 'Create meeting type' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/meeting-types`);
    const ids = await meetingTypeIds(host.username);
    const monday = nextWeeksMonday();
    const starter = await openTimes(ids.get('30 minute meeting')!, monday);
    expect([starter[0], starter.at(-1)]).toEqual(['09:00', '16:30']);
    expect(await openTimes(ids.get('Evening consult')!, monday)).toEqual(['18:00', '18:15', '18:30', '18:45', '19:00', '19:15', '19:30']);

    // The edit form shows the pick; the schedule cannot be deleted while the meeting type uses it.
    await page.goto(`${baseUrl}/dashboard/meeting-types/${ids.get('Evening consult')}`);
    expect(await page.getByLabel('Schedule').locator('option:checked').textContent()).toBe('Evenings');
    await page.goto(`${baseUrl}/dashboard/availability`);
    await schedules.getByRole('link', { name: 'Evenings' }).click();
    await page.waitForURL(/\?schedule=/);
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: /^Delete “Evening/ });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByText('Evenings is used by “Evening consult”. Pick another schedule for it first.').waitFor();
    await checkPageState(page, 'schedules-delete-refused');
    await confirm.getByRole('button', { name: 'Keep it' }).click();

    // Renamed: the list and the meeting type form follow.
    await page.getByRole('button', { name: 'Rename “Evenings”' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename schedule' });
    await rename.getByLabel('Name').fill('Evening hours');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await schedules.getByRole('link', { name: 'Evening hours' }).waitFor();
    expect(await schedules.getByRole('listitem').allInnerTexts()).toEqual(['Working hours\nDefault', 'Evening hours']);

    // Made the default: the starter meeting type, which has no schedule of its own, follows it.
    await page.getByRole('button', { name: 'Make default' }).click();
    await page.getByText('Evening hours is now your default schedule.').waitFor();
    // The toast comes before the page's refresh has landed; axe mid-refresh once saw no <title>.
    await schedules.getByRole('listitem').filter({ hasText: 'Evening hours' }).getByText('Default', { exact: true }).waitFor();
    await checkPageState(page, 'schedules-made-default');
    expect(await openTimes(ids.get('30 minute meeting')!, monday)).toEqual(['18:00', '18:15', '18:30', '18:45', '19:00', '19:15', '19:30']);
    await schedules.getByRole('link', { name: /Working hours/ }).click();
    await page.getByRole('button', { name: 'Make default' }).click();
    await page.getByText('Working hours is now your default schedule.').waitFor();

    // Once no meeting type uses it, it can be deleted; the page goes back to the default schedule.
    await page.goto(`${baseUrl}/dashboard/meeting-types/${ids.get('Evening consult')}`);
    await page.getByLabel('Schedule').selectOption({ label: 'Default schedule (Working hours)' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. Your booking page shows the changes now.').waitFor();
    await page.goto(`${baseUrl}/dashboard/availability`);
    await schedules.getByRole('link', { name: 'Evening hours' }).click();
    await page.waitForURL(/\?schedule=/);
    await page.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/availability`);
    await confirm.waitFor({ state: 'detached' });
    expect(await schedules.getByRole('listitem').allInnerTexts()).toEqual(['Working hours\nDefault']);
    expect([(await openTimes(ids.get('Evening consult')!, monday))[0]]).toEqual(['09:00']);
    await context.close();
  }, 180_000);
});
