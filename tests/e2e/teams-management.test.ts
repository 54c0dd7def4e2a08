import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_WEEKLY_HOURS } from '@/lib/hosts/accounts/create-host';
import { hashPassword } from '@/lib/secrets/password';
import { checkPageState } from './axe';
import { fillDetails, firstOfferedTime, uniqueEmail, waitForTimes } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { signInThroughForm } from './sign-in';

// Teams in Chromium through the production build: an owner creates a team and invites an address; the
// invited person opens the mailed link, signs up with the address prefilled and comes back to accept;
// the owner makes a round-robin and a collective type with both members; a signed-out invitee books
// both on the public team pages; each member's dashboard shows what they were given (the round robin
// on the assigned member's list only, the collective on both) and the distribution page counts it;
// the owner cannot delete the team until the invitee has cancelled both, then deletes it. axe and
// screenshots at 1280 and 375 px on every page.

const browser = launchBrowserPerFile();
const sql = postgres(inject('e2eDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => sql.end());
const PASSWORD = 'team owner password';

async function owner() {
  const suffix = randomBytes(4).toString('hex');
  const email = `owner-${suffix}@example.test`;
  await sql`
    insert into users (email, name, username, time_zone, password_hash, email_verified)
    values (${email}, ${`Olivia ${suffix}`}, ${`owner-${suffix}`}, 'Europe/Berlin', ${await hashPassword(PASSWORD)}, now())`;
  // The weekly hours every new host starts with (createHost); the trigger files them under the default schedule.
  for (const hours of DEFAULT_WEEKLY_HOURS) {
    await sql`
      insert into availability_rules (user_id, day_of_week, start_time, end_time)
      select id, ${hours.dayOfWeek}, ${hours.startTime}, ${hours.endTime} from users where email = ${email}`;
  }
  return { email, suffix };
}

/** The invitation link from the captured mail, once the inline job has sent it. */
async function invitationLink(to: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const [row] = await sql<{ text_body: string | null }[]>`
      select text_body from email_notifications where recipient_email = ${to} and notification_type = 'team_invitation' order by created_at desc limit 1`;
    const href = row?.text_body?.match(/https?:\/\/\S+\/teams\/invitations\/[A-Za-z0-9_-]{43}/)?.[0];
    if (href) return new URL(href).pathname;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no team invitation to ${to}`);
}

/** Books the first time `/team/{team}/{type}` offers, through the page, as a signed-out invitee; answers the booking's id and start. */
async function bookOnTeamPage(page: Page, path: string, name: string, state: string): Promise<{ id: string; start: string; cancelUrl: string }> {
  expect((await page.goto(`${baseUrl}${path}`))?.status()).toBe(200);
  await waitForTimes(page);
  const { start } = await firstOfferedTime(page);
  await checkPageState(page, `${state}-page`);
  await page.locator(`button[data-start="${start}"]`).click();
  await fillDetails(page, name, uniqueEmail('team-invitee'));
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/bookings') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  const response = await reply;
  expect(response.status()).toBe(201);
  const { booking } = (await response.json()) as { booking: { id: string; start: string; cancelUrl: string } };
  const confirmation = page.getByTestId('confirmation');
  await confirmation.getByRole('heading', { name: 'You’re booked' }).waitFor();
  expect(await confirmation.locator('time').getAttribute('datetime')).toBe(start);
  await checkPageState(page, `${state}-confirmed`);
  return { id: booking.id, start: booking.start, cancelUrl: booking.cancelUrl };
}

/** The rows of a member's upcoming bookings (the dashboard's list) whose text has `text`. */
async function dashboardRows(page: Page, text: string) {
  await page.goto(`${baseUrl}/dashboard`);
  return page.getByRole('link').filter({ hasText: text });
}

/** The text of the detail page's definition after the term `term`. */
const definition = (page: Page, term: string) => page.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]').innerText();

describe.skipIf(!hasBrowser)('teams in Chromium', () => {
  it('creates a team, invites an address that signs up and accepts, makes both kinds of type, and books each for the right members', { timeout: 360_000 }, async () => {
    const host = await owner();
    const ownerContext = await browser().newContext({ timezoneId: 'Europe/Berlin' });
    const page = await ownerContext.newPage();
    await signInThroughForm(page, host.email, PASSWORD);

    await page.getByRole('link', { name: 'Teams' }).first().click();
    await page.waitForURL(`${baseUrl}/dashboard/teams`);
    expect(await page.getByText('You are not in a team yet.', { exact: false }).count()).toBe(1);
    await checkPageState(page, 'teams-empty');

    const slug = `sales-${host.suffix}`;
    await page.getByLabel('Team name').fill(`Sales ${host.suffix}`);
    expect(await page.getByLabel('URL slug').inputValue()).toBe(slug);
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/teams/${slug}`);
    await page.getByRole('heading', { level: 1, name: `Sales ${host.suffix}` }).waitFor();
    expect(await page.getByRole('link', { name: 'Booking distribution' }).getAttribute('href')).toBe(`/dashboard/teams/${slug}/distribution`);

    const invitee = `mia-${host.suffix}@example.test`;
    await page.getByLabel('Email').fill(invitee);
    await page.getByLabel('Role', { exact: true }).selectOption('admin');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${invitee}.`, { exact: false }).waitFor();
    await expect.poll(() => page.locator('li', { hasText: invitee }).count(), { timeout: 15_000 }).toBe(1);
    // Sent: the form is clear for the next address; the only owner has no role selector of their own.
    expect(await page.getByLabel('Email').inputValue()).toBe('');
    expect(await page.getByLabel('Role', { exact: true }).inputValue()).toBe('member');
    expect(await page.getByLabel(`Role of Olivia ${host.suffix}`).count()).toBe(0);
    await checkPageState(page, 'team-invited');

    // The invited person, in their own browser, signed out.
    const link = await invitationLink(invitee);
    const inviteeContext = await browser().newContext({ timezoneId: 'Europe/Berlin' });
    const other = await inviteeContext.newPage();
    await other.goto(`${baseUrl}${link}`);
    await other.getByRole('heading', { level: 1, name: `Join Sales ${host.suffix}` }).waitFor();
    expect(await other.getByText(`invited ${invitee} to join the team Sales ${host.suffix} as an admin`, { exact: false }).count()).toBe(1);
    await checkPageState(other, 'team-invitation-signed-out');
    await other.getByRole('link', { name: 'Create an account' }).click();
    await other.waitForURL((url) => url.pathname === '/signup');
    await other.waitForFunction(() => (document.querySelector<HTMLInputElement>('[role="combobox"]')?.value ?? '') !== '');
    expect(await other.getByLabel('Email').inputValue()).toBe(invitee);
    await other.getByLabel('Name', { exact: true }).fill(`Mia ${host.suffix}`);
    await other.getByLabel('Username').fill(`mia-${host.suffix}`);
    await other.getByLabel('Password').fill('a long enough password');
    await other.getByRole('button', { name: 'Create account' }).click();
    await other.waitForURL(`${baseUrl}${link}`);
    await other.getByRole('button', { name: `Join Sales ${host.suffix}` }).waitFor();
    await checkPageState(other, 'team-invitation-accept');
    await other.getByRole('button', { name: `Join Sales ${host.suffix}` }).click();
    await other.waitForURL(`${baseUrl}/dashboard/teams/${slug}`);
    await other.getByText(`Mia ${host.suffix} (you)`).waitFor();
    // The link works once.
    await other.goto(`${baseUrl}${link}`);
    await other.getByText('This invitation was already accepted').waitFor();
    await checkPageState(other, 'team-invitation-used');

    // Back to the owner: both members, and two team meeting types.
    await page.reload();
    await page.getByText(`Mia ${host.suffix}`).first().waitFor();
    expect(await page.getByText('No open invitations.').count()).toBe(1);
    await checkPageState(page, 'team-members');

    await page.getByRole('link', { name: 'New team meeting type' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/teams/${slug}/meeting-types/new`);
    await page.getByLabel('Name', { exact: true }).fill('Discovery call');
    await page.getByRole('radio', { name: 'Round robin' }).check();
    await page.getByLabel(`Weight of Mia ${host.suffix}`).fill('200');
    await page.getByLabel(`Priority of Olivia ${host.suffix}`).selectOption('4');
    await checkPageState(page, 'team-meeting-type-new');
    await page.getByRole('button', { name: 'Create meeting type' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/teams/${slug}`);
    await page.getByRole('link', { name: `/team/${slug}/discovery-call` }).waitFor();

    await page.getByRole('link', { name: 'New team meeting type' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Panel interview');
    await page.getByRole('radio', { name: 'Collective' }).check();
    expect(await page.getByLabel(`Weight of Mia ${host.suffix}`).count()).toBe(0);
    await page.getByRole('button', { name: 'Create meeting type' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/teams/${slug}`);
    await page.getByRole('link', { name: `/team/${slug}/panel-interview` }).waitFor();
    await checkPageState(page, 'team-with-types');

    const rows = await sql<{ slug: string; scheduling_type: string; hosts: { name: string; weight: number; priority: number }[] }[]>`
      select m.slug, m.scheduling_type, json_agg(json_build_object('name', u.name, 'weight', h.weight, 'priority', h.priority) order by u.name) as hosts
      from meeting_types m join teams t on t.id = m.team_id join meeting_type_hosts h on h.meeting_type_id = m.id join users u on u.id = h.user_id
      where t.slug = ${slug} group by m.slug, m.scheduling_type order by m.slug`;
    expect(rows).toEqual([
      { slug: 'discovery-call', scheduling_type: 'round_robin', hosts: [{ name: `Mia ${host.suffix}`, weight: 200, priority: 2 }, { name: `Olivia ${host.suffix}`, weight: 100, priority: 4 }] },
      { slug: 'panel-interview', scheduling_type: 'collective', hosts: [{ name: `Mia ${host.suffix}`, weight: 100, priority: 2 }, { name: `Olivia ${host.suffix}`, weight: 100, priority: 2 }] },
    ]);

    // The editor keeps the scheduling type and shows the members as saved.
    await page.getByRole('link', { name: 'Discovery call' }).click();
    await page.getByText('Round robin (fixed once created).').waitFor();
    expect(await page.getByLabel(`Weight of Mia ${host.suffix}`).inputValue()).toBe('200');
    await checkPageState(page, 'team-meeting-type-edit');

    // The new admin sees the team listed with their role.
    await other.goto(`${baseUrl}/dashboard/teams`);
    await other.getByRole('link', { name: `Sales ${host.suffix}` }).waitFor();
    await checkPageState(other, 'teams-list');

    // Members are booked once their address is confirmed: accepting the mailed invitation confirmed it.
    // The new member got the default weekly hours at sign-up.
    const [joined] = await sql<{ verified: boolean }[]>`select email_verified is not null as verified from users where email = ${invitee}`;
    expect(joined?.verified).toBe(true);
    const memberHours = await sql<{ day_of_week: number; start_time: string; end_time: string }[]>`
      select r.day_of_week, r.start_time::text, r.end_time::text from availability_rules r join users u on u.id = r.user_id
      where u.email = ${invitee} order by r.day_of_week`;
    expect(memberHours.map((r) => [r.day_of_week, r.start_time.slice(0, 5), r.end_time.slice(0, 5)])).toEqual(DEFAULT_WEEKLY_HOURS.map((h) => [h.dayOfWeek, h.startTime, h.endTime]));

    // An invitee, signed out in a browser of their own, books each type through the public team page.
    const visitorContext = await browser().newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
    const visitor = await visitorContext.newPage();
    const roundRobin = await bookOnTeamPage(visitor, `/team/${slug}/discovery-call`, 'Rita Roundrobin', 'team-booking-round-robin');
    const collective = await bookOnTeamPage(visitor, `/team/${slug}/panel-interview`, 'Colin Collective', 'team-booking-collective');
    await visitorContext.close();
    // The collective's times are those both members have free, so not the assigned member's new booking.
    expect(collective.start).not.toBe(roundRobin.start);

    const names = { [host.email]: `Olivia ${host.suffix}`, [invitee]: `Mia ${host.suffix}` };
    const hostsOf = async (leadId: string) =>
      (
        await sql<{ email: string }[]>`
          select u.email from bookings b join users u on u.id = b.host_user_id
          where b.id = ${leadId} or b.collective_lead_id = ${leadId} order by u.email`
      ).map((row) => row.email);
    const [assigned, ...others] = await hostsOf(roundRobin.id);
    expect(others).toEqual([]);
    expect(await hostsOf(collective.id)).toEqual([host.email, invitee].toSorted());

    // Each member's dashboard: the round robin on the assigned member's list only, the collective on both.
    for (const [member, email] of [[page, host.email], [other, invitee]] as const) {
      const panel = await dashboardRows(member, 'Colin Collective');
      await panel.waitFor();
      expect(await panel.innerText()).toContain(`Panel interview · Sales ${host.suffix}`);
      const discovery = member.getByRole('link').filter({ hasText: 'Rita Roundrobin' });
      if (email !== assigned) {
        expect(await discovery.count()).toBe(0);
        continue;
      }
      expect(await discovery.count()).toBe(1);
      expect(await discovery.innerText()).toContain(`Discovery call · Sales ${host.suffix}`);
      await checkPageState(member, 'team-dashboard-assigned');
      await discovery.click();
      await member.waitForURL(`${baseUrl}/dashboard/bookings/${roundRobin.id}`);
      expect(await definition(member, 'Team')).toBe(`Sales ${host.suffix} (round robin)`);
      expect(await definition(member, 'Assigned to')).toBe(names[email]);
      await checkPageState(member, 'team-booking-detail-round-robin');
    }
    // The collective's detail names every member who attends.
    await (await dashboardRows(other, 'Colin Collective')).click();
    await other.waitForURL(/\/dashboard\/bookings\//);
    expect(await definition(other, 'Team')).toBe(`Sales ${host.suffix} (collective)`);
    expect((await definition(other, 'Hosts')).split(', ').toSorted()).toEqual([names[host.email], names[invitee]].toSorted());
    await checkPageState(other, 'team-booking-detail-collective');

    // The distribution page counts the round robin for the assigned member, and none for the other.
    await page.goto(`${baseUrl}/dashboard/teams/${slug}/distribution`);
    await page.getByRole('heading', { level: 2, name: 'Discovery call · 1 booking' }).waitFor();
    for (const email of [host.email, invitee]) {
      const cells = await page.getByRole('row').filter({ hasText: names[email] }).getByRole('cell').allInnerTexts();
      expect(cells[1]).toBe(email === assigned ? '1' : '0');
    }
    await checkPageState(page, 'team-distribution');

    // The owner cannot delete the team while bookings are ahead (the collective counts once)…
    await page.goto(`${baseUrl}/dashboard/teams/${slug}`);
    await page.getByRole('button', { name: 'Delete team' }).click();
    const deleteDialog = page.getByRole('alertdialog', { name: `Delete Sales ${host.suffix}?` });
    await deleteDialog.waitFor();
    await checkPageState(page, 'team-delete-dialog');
    await deleteDialog.getByRole('button', { name: 'Delete team' }).click();
    await deleteDialog.getByText('The team has 2 upcoming bookings.', { exact: false }).waitFor();
    await checkPageState(page, 'team-delete-refused');
    // …until the invitee has cancelled both with their links; then both members are out, the slug is free.
    for (const booking of [roundRobin, collective]) {
      const token = new URL(booking.cancelUrl, baseUrl).searchParams.get('token');
      const cancelled = await fetch(`${baseUrl}/api/v1/bookings/${booking.id}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      expect(cancelled.status).toBe(200);
    }
    await deleteDialog.getByRole('button', { name: 'Delete team' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/teams`);
    await page.getByText('You are not in a team yet.', { exact: false }).waitFor();
    const [deleted] = await sql<{ slug: string; members: number }[]>`
      select t.slug, (select count(*)::int from team_members m where m.team_id = t.id) as members from teams t where t.name = ${`Sales ${host.suffix}`}`;
    expect(deleted).toMatchObject({ slug: expect.stringMatching(/^deleted-[0-9a-f]{32}$/), members: 0 });
    await inviteeContext.close();
    await ownerContext.close();
  });
});
