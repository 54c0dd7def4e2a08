import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/secrets/password';
import { checkPageState } from './axe';
import { baseUrl, hasBrowser, launchBrowserPerFile } from './browser';
import { signInThroughForm } from './sign-in';

// Teams in Chromium through the production build: an owner creates a team and invites an address; the
// invited person opens the mailed link, signs up with the address prefilled and comes back to accept;
// the owner makes a round-robin and a collective type with both members, then deletes the team. axe and screenshots at 1280
// and 375 px on every page.

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

describe.skipIf(!hasBrowser)('teams in Chromium', () => {
  it('creates a team, invites an address that signs up and accepts, and makes round-robin and collective types', { timeout: 240_000 }, async () => {
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

    // The owner deletes the team (no bookings ahead): both members are out, the slug is free.
    await page.goto(`${baseUrl}/dashboard/teams/${slug}`);
    await page.getByRole('button', { name: 'Delete team' }).click();
    await page.getByRole('alertdialog', { name: `Delete Sales ${host.suffix}?` }).waitFor();
    await checkPageState(page, 'team-delete-dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete team' }).click();
    await page.waitForURL(`${baseUrl}/dashboard/teams`);
    await page.getByText('You are not in a team yet.', { exact: false }).waitFor();
    const [deleted] = await sql<{ slug: string; members: number }[]>`
      select t.slug, (select count(*)::int from team_members m where m.team_id = t.id) as members from teams t where t.name = ${`Sales ${host.suffix}`}`;
    expect(deleted).toMatchObject({ slug: expect.stringMatching(/^deleted-[0-9a-f]{32}$/), members: 0 });
    await inviteeContext.close();
    await ownerContext.close();
  });
});
