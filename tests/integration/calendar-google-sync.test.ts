import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectedCalendars } from '@/db/schema';
import { readHostVersion } from '@/lib/cache/host-version';
import { handleGoogleNotification } from '@/lib/calendars/push/notifications';
import { ensureWatches, renewWatchChannels } from '@/lib/calendars/push/watch-lifecycle';
import { syncConnection } from '@/lib/calendars/sync-connection';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createHost } from '../factories';
import { busyRows, calendarRows, connect, depsFor, publicAppUrl, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

// Busy sync from Google through the fake: the first full sync, incremental syncs with syncToken,
// 410 Gone → full resync, recurring events as instances, free and declined events ignored; push
// channels verified by their token, duplicates ignored, renewed new-first.

const database = connectTestDatabase();
let fake: GoogleFake;
const deliveries: Record<string, string>[] = [];
let receiver: ReturnType<typeof createServer>;
let receiverUrl: string;
let requested: string[];

beforeAll(async () => {
  // Stands in for the app: collects what Google would deliver to the notification route.
  receiver = createServer((request: IncomingMessage, response) => {
    deliveries.push(Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.startsWith('x-goog-')).map(([k, v]) => [k, String(v)])));
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});
// A fresh Google account per test: each test sees only its own events.
beforeEach(async () => {
  fake = await startGoogleFake({ deliverTo: receiverUrl });
  useProviderFake('google', fake, { APP_URL: publicAppUrl });
  requested = recordSyncRequests();
});
afterEach(() => fake.close());

const at = (iso: string) => ({ dateTime: iso });

async function connectedHost() {
  const host = await createHost(database);
  const connectionId = await connect(database, 'google', host.id);
  return { host, connectionId };
}

describe('Google busy sync', () => {
  it('imports timed, all-day and recurring events; skips free and declined ones; bumps the host version', async () => {
    const { host, connectionId } = await connectedHost();
    const busy = await fake.addEvent({ start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T16:00:00Z') });
    await fake.addEvent({ start: at('2027-01-11T17:00:00Z'), end: at('2027-01-11T18:00:00Z'), transparency: 'transparent' });
    await fake.addEvent({ start: at('2027-01-11T19:00:00Z'), end: at('2027-01-11T20:00:00Z'), attendees: [{ self: true, responseStatus: 'declined' }] });
    const weekly = await fake.addEvent({ start: at('2027-01-12T14:00:00Z'), end: at('2027-01-12T14:30:00Z'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'] });
    const deps = depsFor(database);
    const before = await readHostVersion(deps.store, host.id);
    expect(await syncConnection(deps, connectionId)).toBe('synced');
    expect(await readHostVersion(deps.store, host.id)).toBeGreaterThan(before);
    expect(await busyRows(database, connectionId)).toEqual([
      { id: busy.id, start: '2027-01-11T15:00:00.000Z', end: '2027-01-11T16:00:00.000Z' },
      { id: `${weekly.id}_20270112T140000Z`, start: '2027-01-12T14:00:00.000Z', end: '2027-01-12T14:30:00.000Z' },
      { id: `${weekly.id}_20270119T140000Z`, start: '2027-01-19T14:00:00.000Z', end: '2027-01-19T14:30:00.000Z' },
      { id: `${weekly.id}_20270126T140000Z`, start: '2027-01-26T14:00:00.000Z', end: '2027-01-26T14:30:00.000Z' },
    ]);
    const listed = fake.requests.filter((r) => r.url.pathname.endsWith('/events') && r.method === 'GET').at(-1)!;
    expect(listed.url.searchParams.get('singleEvents')).toBe('true');
    expect(listed.url.searchParams.has('timeMin')).toBe(true);
  });

  it('follows changes incrementally with the sync token: new, moved and cancelled events, a deleted series', async () => {
    const { connectionId } = await connectedHost();
    const moved = await fake.addEvent({ start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T16:00:00Z') });
    const cancelled = await fake.addEvent({ start: at('2027-01-12T15:00:00Z'), end: at('2027-01-12T16:00:00Z') });
    const series = await fake.addEvent({ start: at('2027-01-13T14:00:00Z'), end: at('2027-01-13T14:30:00Z'), recurrence: ['RRULE:FREQ=DAILY;COUNT=2'] });
    await syncConnection(depsFor(database), connectionId);
    expect(await busyRows(database, connectionId)).toHaveLength(4);

    const added = await fake.addEvent({ start: at('2027-01-14T15:00:00Z'), end: at('2027-01-14T15:45:00Z') });
    fake.store.update(fake.store.accountEmail, moved.id, { start: at('2027-01-11T18:00:00Z'), end: at('2027-01-11T19:00:00Z') });
    await fake.cancelEvent(cancelled.id);
    await fake.cancelEvent(series.id);
    await syncConnection(depsFor(database), connectionId);
    const listed = fake.requests.filter((r) => r.url.pathname.endsWith('/events') && r.method === 'GET').at(-1)!;
    expect(listed.url.searchParams.get('syncToken')).toMatch(/^st-/);
    expect(listed.url.searchParams.has('timeMin')).toBe(false);
    expect(await busyRows(database, connectionId)).toEqual([
      { id: moved.id, start: '2027-01-11T18:00:00.000Z', end: '2027-01-11T19:00:00.000Z' },
      { id: added.id, start: '2027-01-14T15:00:00.000Z', end: '2027-01-14T15:45:00.000Z' },
    ]);
  });

  it('answers 410 Gone on the sync token with a full resync that replaces what was stored', async () => {
    const { connectionId } = await connectedHost();
    const kept = await fake.addEvent({ start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T16:00:00Z') });
    const dropped = await fake.addEvent({ start: at('2027-01-12T15:00:00Z'), end: at('2027-01-12T16:00:00Z') });
    await syncConnection(depsFor(database), connectionId);
    fake.invalidateSyncTokens();
    // Removed while our token was invalid: only a full read can notice.
    fake.store.update(fake.store.accountEmail, dropped.id, { status: 'cancelled' });
    expect(await syncConnection(depsFor(database), connectionId)).toBe('synced');
    const lists = fake.requests.filter((r) => r.url.pathname.endsWith('/events') && r.method === 'GET').slice(-2);
    expect(lists.map((r) => r.url.searchParams.has('syncToken'))).toEqual([true, false]);
    expect((await busyRows(database, connectionId)).map((r) => r.id)).toEqual([kept.id]);
    const [calendar] = (await calendarRows(database, connectionId)).filter((c) => c.isPrimary);
    expect(calendar!.syncCursor).toMatch(/^st-/);
  });

  it('reads only the calendars chosen to block time', async () => {
    const host = await createHost(database);
    const other = `side-${host.id}@group.calendar.google.com`;
    fake.store.addCalendar({ id: other, summary: 'Side', accessRole: 'owner' });
    await fake.addEvent({ start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T16:00:00Z') }, other);
    const connectionId = await connect(database, 'google', host.id);
    await syncConnection(depsFor(database), connectionId);
    expect(await busyRows(database, connectionId)).toEqual([]);
    await database.update(connectedCalendars).set({ blocksTime: true }).where(eq(connectedCalendars.externalId, other));
    await syncConnection(depsFor(database), connectionId);
    expect(await busyRows(database, connectionId)).toHaveLength(1);
  });
});

describe('Google push channels', () => {
  it('opens a channel per blocking calendar; a notification with its token asks for one sync; duplicates and strangers are ignored', async () => {
    const { connectionId } = await connectedHost();
    await ensureWatches(depsFor(database), connectionId);
    const [calendar] = (await calendarRows(database, connectionId)).filter((c) => c.blocksTime);
    const channel = fake.channels.get(calendar!.watchId!)!;
    expect(channel.address).toBe(`${publicAppUrl}/api/integrations/google/notifications`);
    expect(calendar!.watchResourceId).toBe(channel.resourceId);

    deliveries.length = 0;
    await fake.addEvent({ start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T16:00:00Z') });
    const delivered = deliveries.at(-1)!;
    expect(delivered['x-goog-resource-state']).toBe('exists');
    const notification = {
      channelId: delivered['x-goog-channel-id']!,
      token: delivered['x-goog-channel-token']!,
      resourceState: delivered['x-goog-resource-state']!,
      messageNumber: delivered['x-goog-message-number']!,
    };
    expect(await handleGoogleNotification(depsFor(database), notification)).toBe('sync_requested');
    expect(await handleGoogleNotification(depsFor(database), notification)).toBe('ignored');
    expect(await handleGoogleNotification(depsFor(database), { ...notification, messageNumber: '999', token: 'forged' })).toBe('ignored');
    expect(await handleGoogleNotification(depsFor(database), { ...notification, channelId: 'unknown-channel', messageNumber: '1000' })).toBe('ignored');
    expect(requested).toEqual([connectionId]);
  });

  it('renews a channel near expiry by opening the new one first, then stopping the old', async () => {
    const { connectionId } = await connectedHost();
    await ensureWatches(depsFor(database), connectionId);
    const [before] = (await calendarRows(database, connectionId)).filter((c) => c.blocksTime);
    await database.update(connectedCalendars).set({ watchExpiresAt: new Date(Date.now() + 60 * 60 * 1000) }).where(eq(connectedCalendars.id, before!.id));
    expect(await renewWatchChannels(depsFor(database))).toBeGreaterThanOrEqual(1);
    const [after] = (await calendarRows(database, connectionId)).filter((c) => c.blocksTime);
    expect(after!.watchId).not.toBe(before!.watchId);
    expect(fake.channels.has(after!.watchId!)).toBe(true);
    expect(fake.channels.has(before!.watchId!)).toBe(false);
    const watchAt = fake.requests.findIndex((r) => r.url.pathname.endsWith('/events/watch') && JSON.parse(r.body).id === after!.watchId);
    const stopAt = fake.requests.findIndex((r) => r.url.pathname.endsWith('/channels/stop') && JSON.parse(r.body).id === before!.watchId);
    expect(watchAt).toBeGreaterThan(-1);
    expect(stopAt).toBeGreaterThan(watchAt);
    expect(after!.watchExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);
  });
});
