import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { updateProfileAction } from '@/app/dashboard/settings/actions';
import { usernameChanges, usernameRedirects, users } from '@/db/schema';
import { signUpSchema } from '@/lib/hosts/accounts/sign-up';
import { findRenamedUsername } from '@/lib/hosts/accounts/username-redirects';
import { isUsernameTaken } from '@/lib/hosts/accounts/usernames';
import { createHost, uniqueSuffix } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));
vi.mock('@/lib/auth/reissue-session', () => ({ reissueSession: async () => {} }));

// Names cannot be hoarded: 3 renames per 30 days, an old name redirects for 90 days and is then free.

const database = connectTestDatabase();

async function renameTo(hostId: string, username: string) {
  signInAs(hostId);
  const [host] = await database.select({ name: users.name }).from(users).where(eq(users.id, hostId));
  return updateProfileAction({ name: host!.name, username });
}

describe('rename limit', () => {
  it('allows 3 renames in 30 days, refuses the 4th beside the field with the date it becomes possible, and allows it once the window passed', async () => {
    const host = await createHost(database, { timeZone: 'Europe/London', hourCycle: '24h' });
    for (let rename = 1; rename <= 3; rename++) {
      expect((await renameTo(host.id, `step-${rename}-${uniqueSuffix()}`)).ok).toBe(true);
    }
    const refused = await renameTo(host.id, `step-4-${uniqueSuffix()}`);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const message = !refused.ok ? refused.error.fieldErrors?.username : undefined;
    const [first] = await database.select({ changedAt: usernameChanges.changedAt }).from(usernameChanges).where(eq(usernameChanges.userId, host.id)).orderBy(usernameChanges.changedAt).limit(1);
    const nextPossible = new Date(first!.changedAt.getTime() + 30 * 24 * 60 * 60 * 1000);
    // On the host's own zone and 24-hour clock.
    const when = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' }).format(nextPossible);
    expect(message).toContain('3 times in 30 days');
    expect(message).toContain(`${when} (Europe/London)`);

    // The first rename falls out of the window: one more is allowed, and the one that fell out is pruned.
    await database.execute(sql`update username_changes set changed_at = now() - interval '30 days 1 minute' where id = (
      select id from username_changes where user_id = ${host.id} order by changed_at limit 1)`);
    expect((await renameTo(host.id, `step-5-${uniqueSuffix()}`)).ok).toBe(true);
    expect(await database.select().from(usernameChanges).where(eq(usernameChanges.userId, host.id))).toHaveLength(3);
  });

  it('counts renames back and forth between two names, and saving the same name is no rename', async () => {
    const host = await createHost(database);
    const other = `other-${uniqueSuffix()}`;
    for (const username of [other, host.username, other]) expect((await renameTo(host.id, username)).ok).toBe(true);
    expect((await renameTo(host.id, other)).ok).toBe(true);
    expect((await renameTo(host.id, host.username)).ok).toBe(false);
  });
});

describe('redirect lifetime', () => {
  it('an old name redirects and is held for 90 days, then neither redirects nor blocks: another host can claim it', async () => {
    const owner = await createHost(database);
    const claimer = await createHost(database);
    const oldName = owner.username;
    const newName = `moved-${uniqueSuffix()}`;
    expect((await renameTo(owner.id, newName)).ok).toBe(true);
    const [redirect] = await database.select().from(usernameRedirects).where(eq(usernameRedirects.username, oldName));
    const lifetimeDays = (redirect!.expiresAt.getTime() - redirect!.createdAt.getTime()) / (24 * 60 * 60 * 1000);
    expect(Math.round(lifetimeDays)).toBe(90);
    expect(await findRenamedUsername(database, oldName)).toBe(newName);
    expect(await renameTo(claimer.id, oldName)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await database.update(usernameRedirects).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(usernameRedirects.username, oldName));
    expect(await findRenamedUsername(database, oldName)).toBeNull();
    expect(await isUsernameTaken(database, oldName)).toBe(false);
    expect(await renameTo(claimer.id, oldName)).toMatchObject({ ok: true, data: { username: oldName } });
    expect(await findRenamedUsername(database, oldName)).toBeNull();
  });

  it('deletes expired redirects lazily, on the next rename', async () => {
    const owner = await createHost(database);
    const oldName = owner.username;
    expect((await renameTo(owner.id, `moved-${uniqueSuffix()}`)).ok).toBe(true);
    await database.update(usernameRedirects).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(usernameRedirects.username, oldName));
    const someone = await createHost(database);
    expect((await renameTo(someone.id, `elsewhere-${uniqueSuffix()}`)).ok).toBe(true);
    expect(await database.select().from(usernameRedirects).where(eq(usernameRedirects.username, oldName))).toEqual([]);
  });
});

describe('demo', () => {
  it('is reserved: no sign-up, no rename, and the database refuses it to anyone but the seeded demo host', async () => {
    expect(signUpSchema.safeParse({ name: 'X', email: `x-${uniqueSuffix()}@example.test`, username: 'demo', password: 'long enough password', timeZone: 'UTC' }).success).toBe(false);
    const host = await createHost(database);
    expect(await renameTo(host.id, 'demo')).toMatchObject({ ok: false, error: { fieldErrors: { username: 'That name is reserved; pick another' } } });
    await expect(database.update(users).set({ username: 'demo' }).where(eq(users.id, host.id))).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint_name: 'users_username_not_reserved' }),
    });
  });
});
