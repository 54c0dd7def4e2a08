import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPageState } from './axe';
import { fillDetails, firstOfferedTime, uniqueEmail, waitForTimes } from './booking-steps';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { withSql } from './database';

// The team's public pages in Chromium through the production build: /team/{slug} lists its types,
// /team/{slug}/{type} and its embed show the team's times (a round robin: any member free), and the
// form posts the team type's id to POST /api/v1/bookings. The booking itself is another branch's
// (issue 20, T3): the request is caught at the browser and its body checked, never sent.

const browser = launchBrowserPerFile();
const ZONE = 'UTC';
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ timezoneId: ZONE, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

/** A team of two with different weekday hours and a round-robin type choosing both. */
async function roundRobinTeam() {
  const suffix = randomBytes(4).toString('hex');
  return withSql(async (sql) => {
    const members: string[] = [];
    for (const [index, [start, end]] of ([['09:00', '13:00'], ['12:00', '17:00']] as const).entries()) {
      const [member] = await sql<{ id: string }[]>`
        insert into users (email, name, username, time_zone, email_verified)
        values (${`member-${index}-${suffix}@example.test`}, ${`Member ${index} ${suffix}`}, ${`member-${index}-${suffix}`}, 'UTC', now()) returning id`;
      for (const day of [1, 2, 3, 4, 5]) await sql`insert into availability_rules (user_id, day_of_week, start_time, end_time) values (${member!.id}, ${day}, ${start}, ${end})`;
      members.push(member!.id);
    }
    const [team] = await sql<{ id: string }[]>`insert into teams (name, slug) values (${`Support crew ${suffix}`}, ${`support-${suffix}`}) returning id`;
    for (const [index, id] of members.entries()) await sql`insert into team_members (team_id, user_id, role) values (${team!.id}, ${id}, ${index === 0 ? 'owner' : 'member'})`;
    const [type] = await sql<{ id: string }[]>`
      insert into meeting_types (team_id, scheduling_type, name, slug, duration_minutes, slot_interval_minutes)
      values (${team!.id}, 'round_robin', 'Support call', 'support-call', 30, 30) returning id`;
    for (const id of members) await sql`insert into meeting_type_hosts (meeting_type_id, team_id, user_id) values (${type!.id}, ${team!.id}, ${id})`;
    return { slug: `support-${suffix}`, name: `Support crew ${suffix}`, meetingTypeId: type!.id, members };
  });
}

describe.skipIf(!hasBrowser)('team pages in Chromium', () => {
  it('lists the team’s types, shows the round robin’s times across both members and posts the team type’s id', async () => {
    const team = await roundRobinTeam();
    const page = await newPage();
    const response = await page.goto(`${baseUrl}/team/${team.slug}`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain(team.name);
    await expect(page.locator('h1').textContent()).resolves.toBe(team.name);
    const items = page.getByTestId('meeting-type');
    expect(await items.count()).toBe(1);
    await checkPageState(page, 'team-page');

    await items.first().getByRole('link').click();
    await page.waitForURL(`${baseUrl}/team/${team.slug}/support-call`);
    expect(await page.title()).toContain(team.name);
    await waitForTimes(page);
    // Times from 09:00 (only the first member) to 16:30 (only the second): the union of both.
    const { start } = await firstOfferedTime(page);
    const day = page.getByRole('list', { name: /^Open times on / });
    const starts = await day.locator('button[data-start]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-start')));
    expect(starts.map((iso) => iso?.slice(11, 16))).toEqual(expect.arrayContaining(['09:00', '12:30', '16:30']));
    const text = await page.content();
    for (const id of team.members) expect(text).not.toContain(id);
    await checkPageState(page, 'team-booking-page');

    const posted: unknown[] = [];
    await page.route('**/api/v1/bookings', async (route) => {
      posted.push(route.request().postDataJSON());
      await route.abort();
    });
    await page.locator(`button[data-start="${start}"]`).click();
    const email = uniqueEmail('team');
    await fillDetails(page, 'Ada Invitee', email);
    await checkPageState(page, 'team-booking-form');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toMatchObject({ meetingTypeId: team.meetingTypeId, start, name: 'Ada Invitee', email });
  });

  it('serves the embed route with the same times, and the 404 page for an unknown team or type', async () => {
    const team = await roundRobinTeam();
    const page = await newPage();
    expect((await page.goto(`${baseUrl}/embed/team/${team.slug}/support-call`))?.status()).toBe(200);
    await waitForTimes(page);
    expect(await page.getByRole('button', { name: /^Book / }).count()).toBeGreaterThan(0);
    await checkPageState(page, 'team-embed');

    const unknownTeam = await page.goto(`${baseUrl}/team/no-such-team-${team.slug}`);
    expect(unknownTeam?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Not found');
    expect((await page.goto(`${baseUrl}/team/${team.slug}/no-such-type`))?.status()).toBe(404);
  });
});
