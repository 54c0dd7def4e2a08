import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { saveTimeZoneAction } from '@/app/dashboard/availability/actions';
import { changePasswordAction, updateNotificationPreferencesAction, updateProfileAction } from '@/app/dashboard/settings/actions';
import { usernameRedirects, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { reissueSession } from '@/lib/auth/reissue-session';
import { cacheStore } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { env } from '@/lib/env';
import { createHost, uniqueSuffix } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));
// Signing the browser in again needs a Next.js request; here we only check it is asked for.
vi.mock('@/lib/auth/reissue-session', () => ({ reissueSession: vi.fn(async () => true) }));

// Settings: profile (name, username with redirects), time zone (through the write seam), password
// (ends every other session). Each action acts on the signed-in host only.

const database = connectTestDatabase();
const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'staple and more staples';

const hostRow = async (id: string) => (await database.select().from(users).where(eq(users.id, id)))[0]!;
const redirectsOf = async (userId: string) =>
  (await database.select({ username: usernameRedirects.username }).from(usernameRedirects).where(eq(usernameRedirects.userId, userId))).map((row) => row.username).sort();

describe('updateProfileAction', () => {
  it('saves the name and a new username, and keeps the old username as a redirect', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const username = `renamed-${uniqueSuffix()}`;
    const result = await updateProfileAction({ name: '  Ann Lee ', username: username.toUpperCase() });
    expect(result).toEqual({ ok: true, data: { name: 'Ann Lee', username, previousUsername: host.username } });
    expect(await hostRow(host.id)).toMatchObject({ name: 'Ann Lee', username });
    expect(await redirectsOf(host.id)).toEqual([host.username]);
  });

  it('takes back an old username: its redirect goes, the name given up now redirects', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const second = `second-${uniqueSuffix()}`;
    expect((await updateProfileAction({ name: host.name, username: second })).ok).toBe(true);
    expect(await updateProfileAction({ name: host.name, username: host.username })).toMatchObject({ ok: true, data: { username: host.username, previousUsername: second } });
    expect(await redirectsOf(host.id)).toEqual([second]);
  });

  it('changes only the name when the username stays, without a redirect', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    expect(await updateProfileAction({ name: 'New Name', username: host.username })).toMatchObject({ ok: true, data: { previousUsername: null } });
    expect(await redirectsOf(host.id)).toEqual([]);
  });

  it('refuses a username another host has, or once had, beside the field, and changes nothing', async () => {
    const host = await createHost(database);
    const other = await createHost(database);
    signInAs(other.id);
    const given = `given-up-${uniqueSuffix()}`;
    await updateProfileAction({ name: other.name, username: given });
    signInAs(host.id);
    // `given` is the other host's name now; their first name redirects to them.
    for (const username of [given, other.username]) {
      const result = await updateProfileAction({ name: 'Changed', username });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { username: 'That username is taken; pick another.' } } });
    }
    expect(await hostRow(host.id)).toMatchObject({ name: host.name, username: host.username });
    expect(await redirectsOf(host.id)).toEqual([]);
  });

  it('refuses reserved and malformed usernames and an empty name, beside each field', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    expect(await updateProfileAction({ name: host.name, username: 'dashboard' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fieldErrors: { username: 'That name is reserved; pick another' } },
    });
    expect(await updateProfileAction({ name: host.name, username: 'a b' })).toMatchObject({ ok: false, error: { fieldErrors: { username: expect.any(String) } } });
    expect(await updateProfileAction({ name: '   ', username: host.username })).toMatchObject({ ok: false, error: { fieldErrors: { name: 'Enter your name' } } });
    expect(await hostRow(host.id)).toMatchObject({ name: host.name, username: host.username });
  });

  it('acts on the signed-in host only, whatever id the form carries', async () => {
    const host = await createHost(database);
    const other = await createHost(database);
    signInAs(host.id);
    const form = new FormData();
    form.set('name', 'Mine');
    form.set('username', host.username);
    form.set('userId', other.id);
    expect((await updateProfileAction(form)).ok).toBe(true);
    expect(await hostRow(other.id)).toMatchObject({ name: other.name });
  });

  it('answers signed-out callers with unauthorized', async () => {
    signInAs(null);
    expect(await updateProfileAction({ name: 'x', username: `x-${uniqueSuffix()}` })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('updateNotificationPreferencesAction', () => {
  it('turns host reminders on from a ticked checkbox and off from an unticked one, for the signed-in host only', async () => {
    const host = await createHost(database);
    const other = await createHost(database);
    signInAs(host.id);
    const ticked = new FormData();
    ticked.set('hostReminderEmails', 'on');
    expect(await updateNotificationPreferencesAction(ticked)).toEqual({ ok: true, data: { hostReminderEmails: true } });
    expect((await hostRow(host.id)).hostReminderEmails).toBe(true);
    expect((await hostRow(other.id)).hostReminderEmails).toBe(false);
    expect(await updateNotificationPreferencesAction(new FormData())).toEqual({ ok: true, data: { hostReminderEmails: false } });
    expect((await hostRow(host.id)).hostReminderEmails).toBe(false);
  });

  it('answers signed-out callers with unauthorized', async () => {
    signInAs(null);
    expect(await updateNotificationPreferencesAction({ hostReminderEmails: true })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('saveTimeZoneAction', () => {
  it('stores the canonical zone and bumps the availability version, so slots move at once', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const before = await readHostVersion(cacheStore(), host.id);
    expect(await saveTimeZoneAction({ timeZone: 'europe/berlin' })).toEqual({ ok: true, data: { timeZone: 'Europe/Berlin' } });
    expect((await hostRow(host.id)).timeZone).toBe('Europe/Berlin');
    expect(await readHostVersion(cacheStore(), host.id)).toBe(before + 1);
  });

  it('refuses an unknown zone beside the field and changes nothing', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const before = await readHostVersion(cacheStore(), host.id);
    expect(await saveTimeZoneAction({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { timeZone: expect.any(String) } } });
    expect((await hostRow(host.id)).timeZone).toBe(host.timeZone);
    expect(await readHostVersion(cacheStore(), host.id)).toBe(before);
  });

  it('answers signed-out callers with unauthorized', async () => {
    signInAs(null);
    expect(await saveTimeZoneAction({ timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('changePasswordAction', () => {
  async function hostWithPassword() {
    return createHost(database, { passwordHash: await hashPassword(OLD_PASSWORD) });
  }
  const change = (overrides: Record<string, string> = {}) =>
    changePasswordAction({ currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, ...overrides });

  it('stores the new password and increments the session version (every other session ends), and signs this browser in again under the new version', async () => {
    const host = await hostWithPassword();
    signInAs(host.id);
    expect(await change()).toEqual({ ok: true, data: { signedInAgain: true } });
    expect(reissueSession).toHaveBeenCalledWith(expect.anything(), host.id, NEW_PASSWORD);
    const row = await hostRow(host.id);
    expect(row.sessionVersion).toBe(host.sessionVersion + 1);
    expect(await verifyPassword(row.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash!, OLD_PASSWORD)).toBe(false);
  });

  it('refuses a wrong current password beside the field, changing neither the hash nor the session version', async () => {
    const host = await hostWithPassword();
    signInAs(host.id);
    expect(await change({ currentPassword: 'not it at all' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fieldErrors: { currentPassword: 'That is not your current password.' } },
    });
    const row = await hostRow(host.id);
    expect(row).toMatchObject({ passwordHash: host.passwordHash, sessionVersion: host.sessionVersion });
  });

  it('refuses a short new password and a confirmation that differs, beside each field', async () => {
    const host = await hostWithPassword();
    signInAs(host.id);
    expect(await change({ newPassword: 'short', confirmPassword: 'short' })).toMatchObject({ ok: false, error: { fieldErrors: { newPassword: 'Use at least 10 characters' } } });
    expect(await change({ confirmPassword: `${NEW_PASSWORD}!` })).toMatchObject({ ok: false, error: { fieldErrors: { confirmPassword: 'The two new passwords differ' } } });
    expect((await hostRow(host.id)).sessionVersion).toBe(host.sessionVersion);
  });

  it('stops guessing after the attempt limit', async () => {
    const host = await hostWithPassword();
    signInAs(host.id);
    for (let i = 0; i < env().SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_CLIENT; i++) await change({ currentPassword: `wrong guess ${i}` });
    expect(await change()).toMatchObject({ ok: false, error: { code: 'rate_limited', fieldErrors: { currentPassword: expect.any(String) } } });
    expect((await hostRow(host.id)).sessionVersion).toBe(host.sessionVersion);
  });

  it('tells a host without a password (OAuth only) that there is none to change', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    expect(await change()).toMatchObject({ ok: false, error: { fieldErrors: { currentPassword: expect.stringContaining('no password') } } });
    expect((await hostRow(host.id)).passwordHash).toBeNull();
  });

  it('answers signed-out callers with unauthorized', async () => {
    signInAs(null);
    expect(await change()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
