import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { changePasswordAction, signOutOtherSessionsAction } from '@/app/dashboard/settings/actions';
import { sessions, users } from '@/db/schema';
import { call, csrf, hostWithPassword as withPassword, sessionUser, signedInBrowser } from './auth-browser';
import { signInAs } from '../setup/mock-current-host';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));
// The changing browser is signed in again by Auth.js in the app; here only the others matter.
vi.mock('@/lib/auth/reissue-session', () => ({ reissueSession: vi.fn(async () => false) }));

// Finding 3: signing out must end the session on the server, so a copy of its cookie stops working at
// once. Driven through Auth.js's own route handlers, as a browser would: CSRF, credentials, session.

const database = connectTestDatabase();
const hostWithPassword = () => withPassword(database);
describe('sessions that end for real', () => {
  it('signing out ends the session on the server: a copy of its cookie is refused at once', async () => {
    const host = await hostWithPassword();
    const browser = await signedInBrowser(host.email, host.password);
    expect(await sessionUser(browser)).toBe(host.id);
    const copied = new Map(browser);

    await call(browser, 'POST', '/api/auth/signout', { csrfToken: await csrf(browser) });

    expect(await sessionUser(copied)).toBeNull();
    expect(await database.select().from(sessions).where(eq(sessions.userId, host.id))).toHaveLength(0);
  });

  it("signing out one browser leaves the host's other sessions signed in", async () => {
    const host = await hostWithPassword();
    const laptop = await signedInBrowser(host.email, host.password);
    const phone = await signedInBrowser(host.email, host.password);
    await call(laptop, 'POST', '/api/auth/signout', { csrfToken: await csrf(laptop) });
    expect(await sessionUser(phone)).toBe(host.id);
  });
});

describe('ending the other sessions', () => {
  it('"Sign out of all other sessions" keeps this browser and ends every other one, for an OAuth host too', async () => {
    const host = await hostWithPassword();
    const here = await signedInBrowser(host.email, host.password);
    const [mine] = await database.select().from(sessions).where(eq(sessions.userId, host.id));
    const elsewhere = await signedInBrowser(host.email, host.password);
    // An OAuth-only host has no password; the action does not ask for one.
    await database.update(users).set({ passwordHash: null }).where(eq(users.id, host.id));

    signInAs(host.id, mine!.sessionToken);
    expect(await signOutOtherSessionsAction({})).toEqual({ ok: true, data: { ended: 1 } });

    expect(await sessionUser(here)).toBe(host.id);
    expect(await sessionUser(elsewhere)).toBeNull();
  });

  it('changing the password ends every other session', async () => {
    const host = await hostWithPassword();
    const elsewhere = await signedInBrowser(host.email, host.password);
    signInAs(host.id);
    const result = await changePasswordAction({ currentPassword: host.password, newPassword: 'a different password', confirmPassword: 'a different password' });
    expect(result.ok).toBe(true);
    expect(await sessionUser(elsewhere)).toBeNull();
    expect(await database.select().from(sessions).where(eq(sessions.userId, host.id))).toEqual([]);
  });
});
