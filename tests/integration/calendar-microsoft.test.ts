import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as graphNotifications } from '@/app/api/integrations/microsoft/notifications/route';
import { bookings, calendarConnections } from '@/db/schema';
import { RetryAfterError } from 'inngest';
import { syncStep } from '@/inngest/functions/calendar-sync';
import { settleBackgroundRuns } from '@/inngest/inline-background';
import { inlineSink } from '@/inngest/inline-runner';
import { handleGraphNotifications } from '@/lib/calendars/push/notifications';
import { ensureWatches } from '@/lib/calendars/push/watch-lifecycle';
import { syncConnection } from '@/lib/calendars/sync-connection';
import { writeBookingEvent } from '@/lib/calendars/write-back';
import { installEventSink } from '@/lib/jobs/event-sink';
import { startMicrosoftFake, type MicrosoftFake } from '../fakes/microsoft/microsoft-fake';
import { createBookableHost, createHost, inviteeFor } from '../factories';
import { book } from './api';
import { busyRows, calendarRows, connect, connectionRow, depsFor, publicAppUrl, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { setTestEnv } from './env';
import { connectTestDatabase } from './db-helpers';
import { serveRoute } from './route-server';

// Microsoft 365 through the Graph fake: connect, calendarView/delta with a stored delta link (410 →
// full resync), subscriptions (validation handshake answered as text/plain, clientState checked,
// lifecycle notifications), Teams write-back idempotent through transactionId, rotating refresh tokens.

const database = connectTestDatabase();
let fake: MicrosoftFake;
let app: { origin: string; received: Request[] };
let requested: string[];

beforeAll(async () => {
  app = await serveRoute(graphNotifications);
});
beforeEach(async () => {
  fake = await startMicrosoftFake({ deliverTo: app.origin });
  useProviderFake('microsoft', fake, { APP_URL: publicAppUrl });
  requested = recordSyncRequests();
});
afterEach(() => fake.close());

describe('Microsoft 365', () => {
  it('connects through /{tenant}/oauth2/v2.0 with PKCE and offline_access, and reads /me for the account', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    const query = fake.auth.lastAuthorization!;
    expect(query.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['offline_access', 'Calendars.ReadWrite']));
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(await connectionRow(database, connectionId)).toMatchObject({ provider: 'microsoft', accountEmail: fake.accountEmail, status: 'active' });
    expect((await calendarRows(database, connectionId))[0]).toMatchObject({ isPrimary: true, blocksTime: true, receivesEvents: true });
  });

  it('syncs busy time with calendarView/delta, then only changes through the delta link; 410 → full resync', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    const a = fake.addEvent({ start: '2027-01-11T15:00:00.000Z', end: '2027-01-11T16:00:00.000Z' });
    fake.addEvent({ start: '2027-01-11T17:00:00.000Z', end: '2027-01-11T18:00:00.000Z', showAs: 'free' });
    fake.addEvent({ start: '2027-01-11T19:00:00.000Z', end: '2027-01-11T20:00:00.000Z', responseStatus: { response: 'declined' } });
    const d = fake.addEvent({ start: '2027-01-12T15:00:00.000Z', end: '2027-01-12T15:30:00.000Z' });
    const e = fake.addEvent({ start: '2027-01-13T15:00:00.000Z', end: '2027-01-13T15:30:00.000Z' });
    expect(await syncConnection(depsFor(database), connectionId)).toBe('synced');
    expect((await busyRows(database, connectionId)).map((r) => r.id)).toEqual([a.id, d.id, e.id]);
    const [calendar] = await calendarRows(database, connectionId);
    expect(calendar!.syncCursor).toContain('/calendarView/delta?%24deltatoken=');

    fake.removeEvent(d.id);
    const f = fake.addEvent({ start: '2027-01-14T15:00:00.000Z', end: '2027-01-14T16:00:00.000Z' });
    await syncConnection(depsFor(database), connectionId);
    const lastDelta = fake.requests.filter((r) => r.url.pathname.endsWith('/calendarView/delta')).at(-1)!;
    expect(lastDelta.url.searchParams.has('$deltatoken')).toBe(true);
    expect(lastDelta.headers.prefer).toContain('outlook.timezone="UTC"');
    expect((await busyRows(database, connectionId)).map((r) => r.id)).toEqual([a.id, e.id, f.id]);

    fake.invalidateDeltaLinks();
    fake.removeEvent(e.id);
    await syncConnection(depsFor(database), connectionId);
    expect((await busyRows(database, connectionId)).map((r) => r.id)).toEqual([a.id, f.id]);
  });

  it('keeps the rotated refresh token after a refresh', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    const before = (await connectionRow(database, connectionId))!;
    fake.auth.expireAccessTokens();
    await database.update(calendarConnections).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(calendarConnections.id, connectionId));
    expect(await syncConnection(depsFor(database), connectionId)).toBe('synced');
    const after = (await connectionRow(database, connectionId))!;
    expect(after.refreshTokenEncrypted).not.toBe(before.refreshTokenEncrypted);
    fake.auth.expireAccessTokens();
    await database.update(calendarConnections).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(calendarConnections.id, connectionId));
    expect(await syncConnection(depsFor(database), connectionId)).toBe('synced');
  });

  it('creates a subscription after Graph’s validation handshake, and acts only on notifications with our clientState', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    await ensureWatches(depsFor(database), connectionId);
    const handshake = app.received.find((r) => new URL(r.url).searchParams.has('validationToken'));
    expect(handshake).toBeDefined();
    const [calendar] = await calendarRows(database, connectionId);
    const subscription = fake.subscriptions.get(calendar!.watchId!)!;
    expect(subscription.resource).toBe(`/me/calendars/${calendar!.externalId}/events`);
    expect(subscription.notificationUrl).toBe(`${publicAppUrl}/api/integrations/microsoft/notifications`);

    expect(await handleGraphNotifications(depsFor(database), fake.notify(subscription.id))).toEqual(['sync_requested']);
    expect(await handleGraphNotifications(depsFor(database), fake.notify(subscription.id, { clientState: 'forged' }))).toEqual(['ignored']);
    expect(await handleGraphNotifications(depsFor(database), fake.notify(subscription.id, { lifecycleEvent: 'missed' }))).toEqual(['sync_requested']);
    expect(requested).toEqual([connectionId, connectionId]);

    // Over HTTP: the route answers 202 and hands the body to the same handler.
    const response = await fetch(`${app.origin}/api/integrations/microsoft/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fake.notify(subscription.id)) });
    expect(response.status).toBe(202);
    expect(requested).toHaveLength(3);
  });

  it('answers the validation handshake with the token as text/plain', async () => {
    const response = await fetch(`${app.origin}/api/integrations/microsoft/notifications?validationToken=${encodeURIComponent('Validation: abc<script>')}`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('Validation: abc<script>');
  });

  it('renews on reauthorizationRequired and makes a new subscription after subscriptionRemoved', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    await ensureWatches(depsFor(database), connectionId);
    const [first] = await calendarRows(database, connectionId);
    await handleGraphNotifications(depsFor(database), fake.notify(first!.watchId!, { lifecycleEvent: 'reauthorizationRequired' }));
    const [renewed] = await calendarRows(database, connectionId);
    expect(renewed!.watchId).toBe(first!.watchId);
    expect(fake.requests.some((r) => r.method === 'PATCH' && r.url.pathname === `/v1.0/subscriptions/${first!.watchId}`)).toBe(true);

    const removed = fake.notify(first!.watchId!, { lifecycleEvent: 'subscriptionRemoved' });
    fake.subscriptions.delete(first!.watchId!);
    await handleGraphNotifications(depsFor(database), removed);
    const [replaced] = await calendarRows(database, connectionId);
    expect(replaced!.watchId).not.toBe(first!.watchId);
    expect(fake.subscriptions.has(replaced!.watchId!)).toBe(true);
  });

  it('writes bookings with a Teams link, once across retries (transactionId), and deletes them on cancel', async () => {
    const { host, meetingType } = await createBookableHost(database, { addVideoLink: true });
    await connect(database, 'microsoft', host.id);
    const { body } = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z'));
    const bookingId = body.booking.id as string;
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' })).toBe('created');
    await database.update(bookings).set({ calendarEventId: null }).where(eq(bookings.id, bookingId));
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' })).toBe('created');
    expect(fake.liveEvents()).toHaveLength(1);
    const [row] = await database.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.calendarJoinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(fake.liveEvents()[0]).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', transactionId: bookingId });
    // Delegates read the host's calendar: it links to the dashboard, never to the invitee's token links.
    expect(fake.liveEvents()[0]!.body!.content).toContain(`/dashboard/bookings/${bookingId}`);
    expect(JSON.stringify(fake.liveEvents()[0])).not.toMatch(/token=|\/(cancel|reschedule)\b/);
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'cancelled' })).toBe('deleted');
    expect(fake.liveEvents()).toEqual([]);
  });

  it('retries a notified delta request that Graph throttled (429, Retry-After: 2) and applies the change within seconds (inline jobs)', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    expect(await syncConnection(depsFor(database), connectionId)).toBe('synced');
    await ensureWatches(depsFor(database), connectionId);
    const [calendar] = await calendarRows(database, connectionId);
    installEventSink(inlineSink); // the job runner of JOBS=inline: the calendar-sync job in the background

    const added = fake.addEvent({ start: '2027-01-11T15:00:00.000Z', end: '2027-01-11T16:00:00.000Z' });
    fake.throttleDelta(1, 2);
    const deltasBefore = fake.requests.filter((r) => r.url.pathname.endsWith('/calendarView/delta')).length;
    const started = Date.now();
    expect(await handleGraphNotifications(depsFor(database), fake.notify(calendar!.watchId!))).toEqual(['sync_requested']);
    await settleBackgroundRuns({ retries: true });
    const elapsed = Date.now() - started;

    expect((await busyRows(database, connectionId)).map((r) => r.id)).toEqual([added.id]);
    expect(fake.requests.filter((r) => r.url.pathname.endsWith('/calendarView/delta')).length - deltasBefore).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
    expect(elapsed).toBeLessThan(5000);
    expect(await connectionRow(database, connectionId)).toMatchObject({ lastError: null, failureCount: 0 });
  });

  it('on Inngest, the sync step throws RetryAfterError with the delay Graph advised', async () => {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    fake.throttleDelta(1, 3);
    const refusal = await syncStep(connectionId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RetryAfterError);
    // Inngest carries it in whole seconds: 3 s advised, up to 20% jitter, rounded up.
    const seconds = Number((refusal as RetryAfterError).retryAfter);
    expect(seconds).toBeGreaterThanOrEqual(3);
    expect(seconds).toBeLessThanOrEqual(4);
    expect((await connectionRow(database, connectionId))!.lastError).toMatch(/429: the provider asked us to slow down/);
    expect(await syncStep(connectionId)).toBe('synced');
  });

  it('opens no subscription for an http APP_URL, even with the API origin pointing at a fake', async () => {
    setTestEnv({ APP_URL: app.origin });
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    await ensureWatches(depsFor(database), connectionId);
    expect((await calendarRows(database, connectionId))[0]!.watchId).toBeNull();
    expect(fake.requests.some((r) => r.url.pathname === '/v1.0/subscriptions')).toBe(false);
  });
});
