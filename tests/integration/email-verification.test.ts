import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accountTokens, bookings, emailNotifications, outbox, users } from '@/db/schema';
import { hostAdapter } from '@/lib/auth/host-adapter';
import { cacheStore } from '@/lib/cache';
import { findPendingEmail, requestEmailChange } from '@/lib/hosts/accounts/email-change';
import { confirmEmailAddress, resendVerificationEmail } from '@/lib/hosts/accounts/email-verification';
import { signUpHost, signUpSchema } from '@/lib/hosts/accounts/sign-up';
import { hostContext } from '@/lib/hosts/host-write';
import { findPublicMeetingType } from '@/lib/hosts/public-meeting-type';
import { findPublicHostProfile } from '@/lib/hosts/public-profile';
import { sendCalendarReauth } from '@/lib/notifications/send-calendar-notice';
import { sendConfirmation } from '@/lib/notifications/send-notices';
import { createBookableHost, createMeetingType, createWeeklyHours, insertBookingRow, inviteeFor, uniqueSuffix } from '../factories';
import { mailedLink } from './account-mail';
import { book, fetchAvailability } from './api';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';

// Finding 1: anyone could sign up with someone else's address, be mailed at it, and keep the real
// owner out. Now an account proves its address before its pages take bookings or it is mailed anything
// but the proof request, and an unproven account gives the address up to whoever proves it.

const database = connectTestDatabase();
const deps = () => ({ database, store: cacheStore() });
/** The verb context of a signed-in host, as the action wrapper builds it. */
const asHost = (hostUserId: string) => hostContext(deps(), hostUserId);
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

afterEach(() => setTestEnv({ RATE_LIMIT_ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR: undefined }));

function signUpInput(overrides: Record<string, string> = {}) {
  const suffix = uniqueSuffix();
  return signUpSchema.parse({ name: `Ann ${suffix}`, email: `ann.${suffix}@example.test`, username: `ann-${suffix}`, password: 'correct horse battery', timeZone: 'America/New_York', ...overrides });
}

const client = () => ({ client: `198.51.100.${Math.floor(Math.random() * 250)}`, now: Date.now() });

async function signedUpWithMeetingType(overrides: Record<string, string> = {}) {
  const input = signUpInput(overrides);
  const { id } = await signUpHost(database, input, client());
  const meetingType = await createMeetingType(database, id, { maxDaysInFuture: 730 });
  return { id, input, meetingType };
}

const availabilityQuery = (meetingTypeId: string) => ({ meetingTypeId, start: '2027-01-11', end: '2027-01-12', timezone: 'America/New_York' });

describe('a new account verifies its address', () => {
  it('sign-up mails a single-use link through the outbox; only its hash is stored, and the outbox carries no token', async () => {
    const { id, input } = await signedUpWithMeetingType();
    const [host] = await database.select().from(users).where(eq(users.id, id));
    expect(host?.emailVerified).toBeNull();
    const link = await mailedLink(database, id, 'verify_email');
    expect(link?.to).toBe(input.email);
    expect(link?.url.pathname).toBe('/verify-email');
    const [row] = await database.select().from(accountTokens).where(eq(accountTokens.userId, id));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.tokenHash).not.toContain(link!.token);
    const events = await database.select().from(outbox).where(eq(outbox.eventName, 'account/email-requested'));
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(link!.token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(23.9 * 3600_000);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(24 * 3600_000 + 1000);
  });

  it("an unverified host's pages and booking API answer exactly as for an inactive meeting type, until the link is opened", async () => {
    const { id, meetingType } = await signedUpWithMeetingType();
    await createWeeklyHours(database, id);
    const { meetingType: inactive } = await createBookableHost(database, { isActive: false });

    const unverifiedSlots = await fetchAvailability(availabilityQuery(meetingType.id));
    const inactiveSlots = await fetchAvailability(availabilityQuery(inactive.id));
    expect(unverifiedSlots.status).toBe(404);
    expect(unverifiedSlots.body).toEqual(inactiveSlots.body);
    const unverifiedBooking = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const inactiveBooking = await book(inviteeFor(inactive.id, MONDAY_10AM_NY));
    expect(unverifiedBooking.status).toBe(404);
    expect(unverifiedBooking.body).toEqual(inactiveBooking.body);
    const [host] = await database.select().from(users).where(eq(users.id, id));
    expect(await findPublicMeetingType(database, host!.username, meetingType.slug)).toBeNull();
    expect((await findPublicHostProfile(database, host!.username))?.meetingTypes).toEqual([]);

    const link = await mailedLink(database, id, 'verify_email');
    expect(await confirmEmailAddress(deps(), link!.token, new Date())).toMatchObject({ ok: true, change: 'verified' });

    expect((await fetchAvailability(availabilityQuery(meetingType.id))).status).toBe(200);
    expect(await findPublicMeetingType(database, host!.username, meetingType.slug)).not.toBeNull();
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
  });

  it('a link works once; a used, an expired and a forged link each say so, and change nothing', async () => {
    const { id } = await signedUpWithMeetingType();
    const link = await mailedLink(database, id, 'verify_email');
    const later = new Date(Date.now() + 25 * 3600_000);
    expect(await confirmEmailAddress(deps(), link!.token, later)).toEqual({ ok: false, problem: 'expired' });
    expect(await confirmEmailAddress(deps(), 'A'.repeat(43), new Date())).toEqual({ ok: false, problem: 'invalid' });
    expect(await confirmEmailAddress(deps(), '<script>', new Date())).toEqual({ ok: false, problem: 'invalid' });
    expect(await confirmEmailAddress(deps(), undefined, new Date())).toEqual({ ok: false, problem: 'invalid' });
    const racing = await Promise.all(Array.from({ length: 5 }, () => confirmEmailAddress(deps(), link!.token, new Date())));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.filter((r) => !r.ok)).toEqual(Array.from({ length: 4 }, () => ({ ok: false, problem: 'used' })));
  });

  it('"Resend" mails a fresh link (the old one stops working) and is limited per account', async () => {
    setTestEnv({ RATE_LIMIT_ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR: '2' });
    const { id } = await signedUpWithMeetingType();
    const first = await mailedLink(database, id, 'verify_email');
    await resendVerificationEmail(asHost(id));
    const second = await mailedLink(database, id, 'verify_email');
    expect(second!.token).not.toBe(first!.token);
    expect(await confirmEmailAddress(deps(), first!.token, new Date())).toEqual({ ok: false, problem: 'used' });
    await resendVerificationEmail(asHost(id));
    await expect(resendVerificationEmail(asHost(id))).rejects.toMatchObject({ code: 'rate_limited' });
  });
});

describe('nothing but verification mail goes to an unverified address', () => {
  it('booking and calendar mail to an unverified host is skipped; the invitee is still told', async () => {
    const { host, meetingType } = await createBookableHost(database, {}, { emailVerified: null });
    const booking = await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: MONDAY_10AM_NY, end: '2027-01-11T15:30:00.000Z' });
    expect(await sendConfirmation({ database }, booking.id, 'host')).toBe('skipped');
    expect(await sendCalendarReauth(database, { id: booking.id, ts: Date.now() }, { hostUserId: host.id, provider: 'google', accountEmail: null })).toBe('skipped');
    const mailed = await database.select().from(emailNotifications).where(eq(emailNotifications.recipientEmail, host.email));
    expect(mailed).toEqual([]);
    expect(await sendConfirmation({ database }, booking.id, 'invitee')).toBe('captured');
  });
});

describe('an unverified account does not own its address', () => {
  it('the owner signing up with a password takes the address; the squatter (no bookings) is deleted', async () => {
    const squatter = await signedUpWithMeetingType();
    const owner = await signUpHost(database, signUpInput({ email: squatter.input.email }), client());
    expect(await database.select().from(users).where(eq(users.id, squatter.id))).toEqual([]);
    const [row] = await database.select({ email: users.email }).from(users).where(eq(users.id, owner.id));
    expect(row?.email).toBe(squatter.input.email);
  });

  it('a verified account keeps its address: signing up with it is refused', async () => {
    const first = await signedUpWithMeetingType();
    const link = await mailedLink(database, first.id, 'verify_email');
    await confirmEmailAddress(deps(), link!.token, new Date());
    await expect(signUpHost(database, signUpInput({ email: first.input.email }), client())).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a squatter that somehow has bookings is kept, moved to an address that can never receive mail', async () => {
    const { host, meetingType } = await createBookableHost(database, {}, { emailVerified: null });
    await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: MONDAY_10AM_NY, end: '2027-01-11T15:30:00.000Z' });
    await signUpHost(database, signUpInput({ email: host.email }), client());
    const [kept] = await database.select({ email: users.email }).from(users).where(eq(users.id, host.id));
    expect(kept?.email).toBe(`${host.id}@unverified.invalid`);
    expect(await database.select().from(bookings).where(eq(bookings.hostUserId, host.id))).toHaveLength(1);
  });

  it('Google/Microsoft sign-in with a provider-verified email takes the address, and the new account counts as verified', async () => {
    const squatter = await signedUpWithMeetingType();
    const adapter = hostAdapter(database, { timeZone: 'UTC' });
    expect(await adapter.getUserByEmail!(squatter.input.email.toUpperCase())).toBeNull();
    expect(await database.select().from(users).where(eq(users.id, squatter.id))).toEqual([]);
    const created = await adapter.createUser!({ id: '', email: squatter.input.email, emailVerified: null, name: 'Real Owner' });
    const [row] = await database.select({ verified: users.emailVerified }).from(users).where(eq(users.id, created.id));
    expect(row?.verified).toBeInstanceOf(Date);
  });

  it('a verified account is found by email as before (Auth.js then applies its linking rule)', async () => {
    const { host } = await createBookableHost(database);
    expect((await hostAdapter(database, { timeZone: 'UTC' }).getUserByEmail!(host.email))?.id).toBe(host.id);
  });
});

describe('changing the email in settings', () => {
  it('the new address takes effect only once its link is opened', async () => {
    const { host } = await createBookableHost(database);
    const newEmail = `new-${uniqueSuffix()}@example.test`;
    expect(await requestEmailChange(asHost(host.id), { email: newEmail })).toEqual({ pendingEmail: newEmail });
    expect(await findPendingEmail(database, host.id)).toBe(newEmail);
    const [before] = await database.select({ email: users.email }).from(users).where(eq(users.id, host.id));
    expect(before?.email).toBe(host.email);
    const link = await mailedLink(database, host.id, 'change_email');
    expect(link?.to).toBe(newEmail);
    expect(await confirmEmailAddress(deps(), link!.token, new Date())).toEqual({ ok: true, change: 'changed', email: newEmail });
    const [after] = await database.select({ email: users.email }).from(users).where(eq(users.id, host.id));
    expect(after?.email).toBe(newEmail);
    expect(await findPendingEmail(database, host.id)).toBeNull();
  });

  it("a new address another verified account took meanwhile is refused when the link is opened, and nothing changes", async () => {
    const { host } = await createBookableHost(database);
    const { host: other } = await createBookableHost(database);
    await requestEmailChange(asHost(host.id), { email: other.email });
    const link = await mailedLink(database, host.id, 'change_email');
    expect(await confirmEmailAddress(deps(), link!.token, new Date())).toEqual({ ok: false, problem: 'taken' });
    const [row] = await database.select({ email: users.email }).from(users).where(eq(users.id, host.id));
    expect(row?.email).toBe(host.email);
  });

  it('the current address is refused as a field error', async () => {
    const { host } = await createBookableHost(database);
    await expect(requestEmailChange(asHost(host.id), { email: host.email })).rejects.toMatchObject({ details: { fieldErrors: { email: expect.any(String) } } });
  });
});
