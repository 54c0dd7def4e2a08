import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteAccountAction } from '@/app/dashboard/settings/actions';
import { GET as exportData } from '@/app/api/account/export/route';
import { randomUUID } from 'node:crypto';
import { availabilityRules, bookings, calendarConnections, emailNotifications, meetingTypes, schedules, sessions, usernameRedirects, users, webhookEndpoints } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { createOneTimeLink } from '@/lib/booking/one-time-links/create-link';
import { startSession } from '@/lib/hosts/accounts/live-sessions';
import { createApiKey } from '@/lib/hosts/api-keys/create';
import { hostContext } from '@/lib/hosts/host-write';
import { recordOnboardingMark } from '@/lib/hosts/onboarding/record-step';
import { hashToken } from '@/lib/secrets/token-hash';
import { newWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/signing';
import { openToken, refreshTokenContext } from '@/lib/calendars/token-vault';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, createMeetingType, createOverride, inviteeFor } from '../factories';
import { type GoogleFake, startGoogleFake } from '../fakes/google/google-fake';
import { signInAs } from '../setup/mock-current-host';
import { book } from './api';
import { connect, connectionRow, depsFor, useProviderFake } from './calendar-helpers';
import { isolatedDatabase } from './isolated-database';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// Settings → "Download my data" and "Delete account". Bookings reference the host (ON DELETE
// RESTRICT), so a deleted account is an anonymised row: upcoming bookings cancelled (invitees
// emailed), calendars disconnected, personal data gone, the username free again.

const { database } = isolatedDatabase('rendezvous_delete');
const FUTURE = '2027-01-11T15:00:00.000Z';
let fake: GoogleFake;

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));
beforeEach(async () => {
  fake = await startGoogleFake();
  useProviderFake('google', fake);
});
afterEach(() => fake.close());

describe('download my data', () => {
  it('answers the signed-in host with a JSON file of profile, meeting types, hours, overrides and bookings, without secrets', async () => {
    const { host, meetingType } = await createBookableHost(database());
    await createOverride(database(), host.id, '2027-02-01', null);
    const booked = await book(inviteeFor(meetingType.id, FUTURE, { notes: 'see you' }));
    signInAs(host.id);
    const response = await exportData(new Request('http://rendezvous.test/api/account/export'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="rendezvous-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ email: host.email, username: host.username });
    expect(data.meetingTypes.map((t: { id: string }) => t.id)).toEqual([meetingType.id]);
    expect(data.weeklyHours).toHaveLength(5);
    expect(data.dateOverrides).toEqual([{ scheduleId: data.schedules[0]!.id, date: '2027-02-01', startTime: null, endTime: null }]);
    expect(data.schedules).toEqual([{ id: expect.any(String), name: 'Working hours', timeZone: expect.any(String), isDefault: true }]);
    expect(data.bookings).toMatchObject([{ id: booked.body.booking.id, notes: 'see you', status: 'confirmed' }]);
    expect(text).not.toMatch(/token|password/i);
  });

  it('adds requests, seats, one-time links, API keys, webhook endpoints and the checklist, never their hashes or secrets', async () => {
    const { host, meetingType: approval } = await createBookableHost(database(), { requiresConfirmation: true, autoDeclineAfterHours: 24 });
    const group = await createMeetingType(database(), host.id, { seatsPerSlot: 3, maxDaysInFuture: 730 });
    const requested = await book(inviteeFor(approval.id, FUTURE, { locale: 'de' }));
    const declined = await book(inviteeFor(approval.id, '2027-01-11T16:00:00.000Z'));
    const seat = await book(inviteeFor(group.id, '2027-01-11T18:00:00.000Z'));
    const cancelledSeat = await book(inviteeFor(group.id, '2027-01-11T18:00:00.000Z'));
    const decidedAt = new Date('2027-01-02T09:00:00Z');
    await database().update(bookings).set({ status: 'declined', decidedAt, declineReason: 'Fully booked that week' }).where(eq(bookings.id, declined.body.booking.id));
    await database().update(bookings).set({ newTimeRequestedAt: decidedAt, newTimeRequestMessage: 'Could we do Tuesday?' }).where(eq(bookings.id, seat.body.booking.id));
    await database().update(bookings).set({ status: 'cancelled', cancelledAt: decidedAt, cancelledBy: 'invitee' }).where(eq(bookings.id, cancelledSeat.body.booking.id));

    const ctx = hostContext(depsFor(database()), host.id);
    const link = await createOneTimeLink(ctx, { meetingTypeId: approval.id, expiresIn: '1d' });
    const linkToken = link.path.slice('/d/'.length);
    const { key, apiKey } = await createApiKey(ctx, { name: 'CRM sync', scope: 'read' });
    const endpointId = randomUUID();
    const secret = newWebhookSecret();
    const sealedSecret = sealWebhookSecret(endpointId, secret);
    await database().insert(webhookEndpoints).values({ id: endpointId, userId: host.id, url: 'https://hooks.example.test/rendezvous', events: ['booking.created', 'booking.cancelled'], secretEncrypted: sealedSecret });
    await recordOnboardingMark(ctx, { mark: 'hoursChecked' });

    signInAs(host.id);
    const text = await (await exportData(new Request('http://rendezvous.test/api/account/export'), { params: Promise.resolve({}) })).text();
    const data = JSON.parse(text);
    const exported = (id: string) => data.bookings.find((booking: { id: string }) => booking.id === id);
    expect(exported(requested.body.booking.id)).toMatchObject({ status: 'pending', locale: 'de', seated: false, approvalExpiresAt: expect.any(String), decidedAt: null });
    expect(exported(declined.body.booking.id)).toMatchObject({ status: 'declined', decidedAt: decidedAt.toISOString(), declineReason: 'Fully booked that week' });
    expect(exported(seat.body.booking.id)).toMatchObject({ status: 'confirmed', seated: true, newTimeRequestedAt: decidedAt.toISOString(), newTimeRequestMessage: 'Could we do Tuesday?', noShowAt: null });
    expect(exported(cancelledSeat.body.booking.id)).toMatchObject({ status: 'cancelled', seated: true, cancelledBy: 'invitee' });
    expect(data.meetingTypes.find((type: { id: string }) => type.id === group.id)).toMatchObject({ seatsPerSlot: 3 });
    expect(data.oneTimeLinks).toEqual([{ id: link.id, meetingTypeId: approval.id, createdAt: expect.any(String), expiresAt: link.expiresAt!.toISOString(), usedAt: null, usedByBookingId: null, revokedAt: null }]);
    expect(data.apiKeys).toEqual([{ id: apiKey.id, name: 'CRM sync', scope: 'read', prefix: expect.any(String), createdAt: expect.any(String), lastUsedAt: null, revokedAt: null }]);
    expect(key.startsWith(data.apiKeys[0].prefix)).toBe(true);
    expect(data.webhookEndpoints).toEqual([{ id: endpointId, url: 'https://hooks.example.test/rendezvous', events: ['booking.created', 'booking.cancelled'], enabled: true, disabledReason: null, failingSince: null, createdAt: expect.any(String) }]);
    expect(data.onboarding).toEqual({ hoursCheckedAt: expect.any(String), linkCopiedAt: null, dismissedAt: null });
    for (const secretValue of [linkToken, hashToken(linkToken), key, hashToken(key), secret, sealedSecret]) expect(text).not.toContain(secretValue);
    expect(text).not.toMatch(/token|password|hash/i);
  });

  it('refuses a caller without a session with 401', async () => {
    signInAs(null);
    const response = await exportData(new Request('http://rendezvous.test/api/account/export'), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});

describe('delete account', () => {
  it('asks for the username, typed: anything else is a field error and deletes nothing', async () => {
    const { host } = await createBookableHost(database());
    signInAs(host.id);
    expect(await deleteAccountAction({ confirmUsername: 'not-my-name' })).toMatchObject({ ok: false, error: { fieldErrors: { confirmUsername: expect.stringContaining(host.username) } } });
    const [row] = await database().select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, host.id));
    expect(row?.deletedAt).toBeNull();
  });

  it('cancels upcoming bookings (invitees emailed), disconnects calendars, removes personal data and frees the username', async () => {
    const { host, meetingType } = await createBookableHost(database());
    const upcoming = await book(inviteeFor(meetingType.id, FUTURE, { notes: 'agenda' }));
    await database().insert(usernameRedirects).values({ username: `old-${host.username}`, userId: host.id, expiresAt: new Date(Date.now() + 86_400_000) });
    await startSession(database(), host.id);
    const connectionId = await connect(database(), 'google', host.id);
    await database().insert(schedules).values({ userId: host.id, name: 'Therapy with Ms Example', timeZone: 'UTC' });
    const sealed = (await connectionRow(database(), connectionId))!;
    const refreshToken = openToken(sealed.refreshTokenEncrypted!, refreshTokenContext(sealed.id));
    await settleDispatches();

    signInAs(host.id);
    expect(await deleteAccountAction({ confirmUsername: ` ${host.username.toUpperCase()} ` })).toEqual({ ok: true, data: { cancelledBookings: 1 } });
    await settleDispatches();

    const [booking] = await database().select().from(bookings).where(eq(bookings.id, upcoming.body.booking.id));
    expect(booking).toMatchObject({ status: 'cancelled', notes: null });
    const mails = await database().select().from(emailNotifications).where(eq(emailNotifications.bookingId, booking!.id));
    expect(mails.filter((m) => m.notificationType === 'cancellation').map((m) => m.recipientEmail)).toEqual([upcoming.body.booking.email]);

    expect(fake.auth.revoked).toContain(refreshToken);
    expect(await database().select().from(calendarConnections).where(eq(calendarConnections.userId, host.id))).toEqual([]);

    const [user] = await database().select().from(users).where(eq(users.id, host.id));
    expect(user).toMatchObject({ email: `${host.id}@deleted.invalid`, name: 'Deleted account', passwordHash: null, emailVerified: null });
    expect(user?.deletedAt).toBeInstanceOf(Date);
    expect(user?.username).not.toBe(host.username);
    for (const table of [availabilityRules, usernameRedirects, sessions]) {
      expect(await database().select().from(table).where(eq(table.userId, host.id))).toEqual([]);
    }
    expect((await database().select().from(meetingTypes).where(eq(meetingTypes.userId, host.id))).every((t) => t.deletedAt && !t.isActive)).toBe(true);
    // Schedule names are the host's words: only the default stays, under a neutral name.
    expect(await database().select({ name: schedules.name, isDefault: schedules.isDefault }).from(schedules).where(eq(schedules.userId, host.id))).toEqual([{ name: 'Working hours', isDefault: true }]);

    // The name is free: someone else can take it at once.
    const { host: next } = await createBookableHost(database(), {}, { username: host.username });
    expect(next.username).toBe(host.username);
  });

  it("strips invitees' details from the host's past bookings", async () => {
    const { host, meetingType } = await createBookableHost(database());
    const past = await book(inviteeFor(meetingType.id, FUTURE, { notes: 'secret' }));
    await database().update(bookings).set({ startTime: new Date('2020-01-06T15:00:00Z'), endTime: new Date('2020-01-06T15:30:00Z') }).where(eq(bookings.id, past.body.booking.id));
    signInAs(host.id);
    expect(await deleteAccountAction({ confirmUsername: host.username })).toEqual({ ok: true, data: { cancelledBookings: 0 } });
    const [row] = await database().select().from(bookings).where(eq(bookings.id, past.body.booking.id));
    expect(row).toMatchObject({ inviteeName: 'Deleted', inviteeEmail: `${row!.id}@deleted.invalid`, notes: null, status: 'confirmed' });
  });
});
