import { describe, expect, it, vi } from 'vitest';
import MeetingTypePage from '@/app/[username]/[slug]/page';
import HostPage from '@/app/[username]/page';
import { updateProfileAction } from '@/app/dashboard/settings/actions';
import { findRenamedUsername } from '@/lib/hosts/accounts/username-redirects';
import { createHost, createMeetingType, uniqueSuffix } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));
vi.mock('@/lib/auth/reissue-session', () => ({ reissueSession: async () => {} }));

// Old public links keep working after a username change: /old → /new, /old/slug → /new/slug (307: the redirect ends after 90 days, so no browser may cache it for good).

const database = connectTestDatabase();

async function rename(hostId: string, name: string, username: string) {
  signInAs(hostId);
  const result = await updateProfileAction({ name, username });
  if (!result.ok) throw new Error(`rename failed: ${result.error.message}`);
}

/** What a page threw: Next.js signals a redirect with an error whose digest holds the target and status. */
async function redirectOf(render: Promise<unknown>): Promise<{ location: string; status: string } | null> {
  try {
    await render;
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    const [, , location, status] = digest.split(';');
    return { location: location ?? '', status: status ?? '' };
  }
}

describe('username redirects', () => {
  it('finds today’s username from any earlier one, however often it changed', async () => {
    const host = await createHost(database);
    const second = `second-${uniqueSuffix()}`;
    const third = `third-${uniqueSuffix()}`;
    await rename(host.id, host.name, second);
    await rename(host.id, host.name, third);
    expect(await findRenamedUsername(database, host.username)).toBe(third);
    expect(await findRenamedUsername(database, second.toUpperCase())).toBe(third);
    expect(await findRenamedUsername(database, third)).toBeNull();
    expect(await findRenamedUsername(database, `never-${uniqueSuffix()}`)).toBeNull();
    expect(await findRenamedUsername(database, '../etc')).toBeNull();
  });

  it('redirects the old host page and booking pages (temporarily: the name is released later) to the new username', async () => {
    const host = await createHost(database);
    const meetingType = await createMeetingType(database, host.id);
    const renamed = `renamed-${uniqueSuffix()}`;
    await rename(host.id, host.name, renamed);
    expect(await redirectOf(HostPage({ params: Promise.resolve({ username: host.username }), searchParams: Promise.resolve({}) }))).toEqual({ location: `/${renamed}`, status: '307' });
    expect(await redirectOf(HostPage({ params: Promise.resolve({ username: host.username }), searchParams: Promise.resolve({ utm_medium: 'email' }) }))).toEqual({
      location: `/${renamed}?utm_medium=email`,
      status: '307',
    });
    const page = (searchParams: Record<string, string>) =>
      MeetingTypePage({ params: Promise.resolve({ username: host.username, slug: meetingType.slug }), searchParams: Promise.resolve(searchParams) });
    expect(await redirectOf(page({}))).toEqual({ location: `/${renamed}/${meetingType.slug}`, status: '307' });
    // Prefill and tracking survive the redirect; anything else is dropped.
    expect(await redirectOf(page({ utm_source: 'old link', name: 'Ada', other: 'x' }))).toEqual({
      location: `/${renamed}/${meetingType.slug}?name=Ada&utm_source=old+link`,
      status: '307',
    });
  });

  it('renders the new username’s page and answers an unknown one with not found, not a redirect', async () => {
    const host = await createHost(database);
    const renamed = `renamed-${uniqueSuffix()}`;
    await rename(host.id, host.name, renamed);
    expect(await redirectOf(HostPage({ params: Promise.resolve({ username: renamed }), searchParams: Promise.resolve({}) }))).toBeNull();
    await expect(HostPage({ params: Promise.resolve({ username: `nobody-${uniqueSuffix()}` }), searchParams: Promise.resolve({}) })).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });
});
