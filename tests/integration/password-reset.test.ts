import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accountTokens, emailNotifications, users } from '@/db/schema';
import { verifyPassword } from '@/lib/secrets/password';
import { forgotPasswordSchema, requestPasswordReset, resetPassword } from '@/lib/hosts/accounts/password-reset';
import { createHost, uniqueSuffix } from '../factories';
import { mailedLink } from './account-mail';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';
import { hostWithPassword, sessionUser, signedInBrowser } from './auth-browser';

// Finding 2: a host who forgot their password was locked out for good. Now "Forgot password?" mails a
// single-use, one-hour link, the same answer is given for any address, and a new password ends every
// session.

const database = connectTestDatabase();
const ask = (email: string, client = `192.0.2.${Math.floor(Math.random() * 250)}`) => requestPasswordReset(database, forgotPasswordSchema.parse({ email }), { client, now: Date.now() });

afterEach(() => setTestEnv({ RATE_LIMIT_ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR: undefined, RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT_PER_HOUR: undefined }));

describe('password reset', () => {
  it('mails a one-hour link to the account; the new password works and every session (a copied cookie too) ends', async () => {
    const host = await hostWithPassword(database);
    const browser = await signedInBrowser(host.email, host.password);
    const copied = new Map(browser);
    expect(await sessionUser(copied)).toBe(host.id);

    await ask(host.email.toUpperCase());
    const link = await mailedLink(database, host.id, 'reset_password');
    expect(link?.url.pathname).toBe('/reset-password');
    const [row] = await database.select().from(accountTokens).where(eq(accountTokens.userId, host.id));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(3600_000 + 1000);

    expect(await resetPassword(database, { token: link!.token, password: 'a brand new password' }, new Date())).toEqual({ ok: true });
    const [stored] = await database.select({ hash: users.passwordHash }).from(users).where(eq(users.id, host.id));
    expect(await verifyPassword(stored!.hash!, 'a brand new password')).toBe(true);
    expect(await sessionUser(copied)).toBeNull();
    expect(await resetPassword(database, { token: link!.token, password: 'yet another password' }, new Date())).toEqual({ ok: false, problem: 'used' });
  });

  it('an expired or forged link changes nothing', async () => {
    const host = await hostWithPassword(database);
    await ask(host.email);
    const link = await mailedLink(database, host.id, 'reset_password');
    const later = new Date(Date.now() + 61 * 60_000);
    expect(await resetPassword(database, { token: link!.token, password: 'a brand new password' }, later)).toEqual({ ok: false, problem: 'expired' });
    expect(await resetPassword(database, { token: 'x'.repeat(43), password: 'a brand new password' }, new Date())).toEqual({ ok: false, problem: 'invalid' });
    expect(await resetPassword(database, { token: '../../etc', password: 'a brand new password' }, new Date())).toEqual({ ok: false, problem: 'invalid' });
    const [stored] = await database.select({ hash: users.passwordHash }).from(users).where(eq(users.id, host.id));
    expect(await verifyPassword(stored!.hash!, host.password)).toBe(true);
  });

  it('answers the same for an unknown address, and mails nothing to an unverified one', async () => {
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    await expect(ask(unknown)).resolves.toBeUndefined();
    const unverified = await createHost(database, { emailVerified: null, passwordHash: 'x' });
    await expect(ask(unverified.email)).resolves.toBeUndefined();
    expect(await database.select().from(accountTokens).where(eq(accountTokens.userId, unverified.id))).toEqual([]);
    const mailed = await database.select().from(emailNotifications).where(and(eq(emailNotifications.notificationType, 'reset_password'), eq(emailNotifications.recipientEmail, unknown)));
    expect(mailed).toEqual([]);
  });

  it('is limited per address and per client, whether or not an account exists', async () => {
    setTestEnv({ RATE_LIMIT_ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR: '2', RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT_PER_HOUR: '3' });
    const address = `someone-${uniqueSuffix()}@example.test`;
    await ask(address);
    await ask(address);
    await expect(ask(address)).rejects.toMatchObject({ code: 'rate_limited' });
    const client = '203.0.113.44';
    for (let i = 0; i < 3; i++) await ask(`other-${i}-${uniqueSuffix()}@example.test`, client);
    await expect(ask(`fresh-${uniqueSuffix()}@example.test`, client)).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
