import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addIcsFeedAction, syncNowAction } from '@/app/dashboard/integrations/actions';
import { calendarConnections, connectedCalendars, emailNotifications, outbox } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { resetRateLimitsForTests } from '@/lib/cache/rate-limit';
import { syncWindow } from '@/lib/calendars/busy-changes';
import { FEED_PARSE_BUDGET_MS, FeedParseError, parseFeed } from '@/lib/calendars/ics/parse-feed';
import { MAX_FEEDS_PER_HOST } from '@/lib/calendars/ics/add-feed';
import { PER_HOST_SHARE, pollStaleConnections } from '@/lib/calendars/poll-stale';
import { STOP_AFTER_FAILING_MS } from '@/lib/calendars/sync-backoff';
import { runConnectionSync, syncConnection } from '@/lib/calendars/sync-connection';
import { createBookableHost, createHost } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { fetchAvailability } from './api';
import { busyRows, connectionRow, depsFor, recordSyncRequests } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// Issue 15: no feed can stall the server, failing connections back off and cannot starve the poll,
// and a connection's health is recorded where the host sees it.

const database = connectTestDatabase();
const feeds = new Map<string, string>();
const requestsFor = new Map<string, number>();
let origin: string;
const server = createServer((request, response: ServerResponse) => {
  const path = request.url ?? '/';
  requestsFor.set(path, (requestsFor.get(path) ?? 0) + 1);
  if (path.startsWith('/fail')) return response.writeHead(500).end('down');
  const body = feeds.get(path);
  if (body === undefined) return response.writeHead(404).end();
  response.writeHead(200, { 'content-type': 'text/calendar' }).end(body);
});

const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
const vevent = (uid: string, start: string, end: string, rrule?: string) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `DTSTART:${start}`, `DTEND:${end}`, ...(rrule ? [`RRULE:${rrule}`] : []), 'END:VEVENT'];
/** The issue's feed: minutely series of 9,990 that start and end before the sync window, with and without BY parts. */
const hostileFeed = (id: string) =>
  calendar(
    ...Array.from({ length: 20 }, (_, i) => vevent(`minutely-${i}-${id}`, '20250101T000000Z', '20250101T000100Z', 'FREQ=MINUTELY;COUNT=9990')),
    ...Array.from({ length: 12 }, (_, i) => vevent(`by-second-${i}-${id}`, '20250101T000000Z', '20250101T000100Z', 'FREQ=MINUTELY;BYSECOND=0;COUNT=9990')),
    vevent(`real-${id}`, '20270111T150000Z', '20270111T160000Z'),
  );

function serve(path: string, body: string): string {
  feeds.set(path, body);
  return `${origin}${path}`;
}

async function addFeed(hostUserId: string, url: string) {
  signInAs(hostUserId);
  const result = await addIcsFeedAction({ url });
  if (!result.ok) throw new Error(`addIcsFeed: ${JSON.stringify(result.error)}`);
  return result.data.connectionId;
}

/** Largest gap between 5 ms timer ticks while `work` runs: how long the event loop was blocked. */
async function timerLag<T>(work: () => Promise<T>): Promise<{ result: T; maxLagMs: number; elapsedMs: number }> {
  let last = performance.now();
  let maxLagMs = 0;
  const ticker = setInterval(() => {
    const at = performance.now();
    maxLagMs = Math.max(maxLagMs, at - last - 5);
    last = at;
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, maxLagMs, elapsedMs: performance.now() - started };
  } finally {
    clearInterval(ticker);
  }
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  setTestEnv({ ICS_ALLOW_PRIVATE_NETWORKS: '1' });
  resetRateLimitsForTests();
  recordSyncRequests();
});

describe('hostile and heavy feeds', () => {
  it('syncs the minutely-RRULE feed off the event loop, within budget, keeping its real event and recording what it skipped', async () => {
    const host = await createHost(database);
    const connectionId = await addFeed(host.id, serve(`/hostile-${host.id}.ics`, calendar(vevent(`first-${host.id}`, '20270110T150000Z', '20270110T160000Z'))));
    feeds.set(`/hostile-${host.id}.ics`, hostileFeed(host.id));
    const { result, maxLagMs, elapsedMs } = await timerLag(() => syncConnection(depsFor(database), connectionId));
    expect(result).toBe('synced');
    // Parsed on the event loop, this feed blocks it for seconds (17.6 s in the issue); the margin is for a busy CI machine.
    expect(maxLagMs).toBeLessThan(500);
    expect(elapsedMs).toBeLessThan(FEED_PARSE_BUDGET_MS);
    expect((await busyRows(database, connectionId)).map((r) => r.start)).toEqual(['2027-01-11T15:00:00.000Z']);
    const row = (await connectionRow(database, connectionId))!;
    expect(row.lastSyncWarning).toMatch(/^\d+ events were skipped: by-second-\d+-.* \(repeats too often to read\)/);
    expect(row.lastError).toBeNull();
  });

  it('blocks the right slots with a legitimate unbounded FREQ=HOURLY event (more than 10,000 instances in the window)', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const connectionId = await addFeed(host.id, serve(`/hourly-${host.id}.ics`, calendar(vevent(`hourly-${host.id}`, '20270101T090000Z', '20270101T093000Z', 'FREQ=HOURLY'))));
    expect((await busyRows(database, connectionId)).length).toBeGreaterThan(10_000);
    const reply = await fetchAvailability({ meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-12', timezone: 'UTC' });
    const starts = reply.body.slots.map((s) => s.start);
    expect(starts.length).toBeGreaterThan(0);
    // Busy every hour from :00 to :30: a 30-minute meeting fits only from :30.
    expect(starts.every((start) => start.slice(14, 16) === '30')).toBe(true);
    expect(starts).toContain('2027-01-11T14:30:00.000Z');
  });

  it('terminates a worker past its wall-clock budget', async () => {
    const heavy = calendar(vevent('hourly@test', '20270101T090000Z', '20270101T093000Z', 'FREQ=HOURLY'));
    await expect(parseFeed(heavy, syncWindow(Date.now()), 20)).rejects.toThrow(FeedParseError);
    await expect(parseFeed(heavy, syncWindow(Date.now()), 20)).rejects.toThrow(/took longer than/);
  });

  it('checks the feed cap, the add rate and the URL before fetching anything', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const path = `/never-${host.id}.ics`;
    expect(await addIcsFeedAction({ url: `ftp://127.0.0.1${path}` })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await database.insert(calendarConnections).values(Array.from({ length: MAX_FEEDS_PER_HOST }, (_, i) => ({ userId: host.id, provider: 'ics' as const, icsUrl: `${origin}/cap-${i}.ics` })));
    expect(await addIcsFeedAction({ url: `${origin}${path}` })).toMatchObject({ ok: false, error: { fieldErrors: { url: `You can add at most ${MAX_FEEDS_PER_HOST} feeds.` } } });

    const other = await createHost(database);
    signInAs(other.id);
    setTestEnv({ ICS_ALLOW_PRIVATE_NETWORKS: '1', RATE_LIMIT_ICS_FEED_ADDS_PER_HOUR: '2' });
    for (let i = 0; i < 2; i++) expect(await addIcsFeedAction({ url: `${origin}/fail-${other.id}-${i}.ics` })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await addIcsFeedAction({ url: `${origin}${path}` })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(requestsFor.get(path)).toBeUndefined();
  });

  it('keeps the last good busy data when a feed breaks, and records the error and the backed-off next attempt', async () => {
    const host = await createHost(database);
    const path = `/breaks-${host.id}.ics`;
    const connectionId = await addFeed(host.id, serve(path, calendar(vevent(`kept-${host.id}`, '20270111T150000Z', '20270111T160000Z'))));
    for (const broken of ['<html>Please sign in</html>', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage']) {
      feeds.set(path, broken);
      const now = Date.now();
      expect(await syncConnection(depsFor(database), connectionId, now)).toBe('failed');
      const row = (await connectionRow(database, connectionId))!;
      expect(row.lastError).toBeTruthy();
      expect(row.nextSyncAt.getTime()).toBeGreaterThan(now);
      expect(await busyRows(database, connectionId)).toHaveLength(1);
    }
    expect((await connectionRow(database, connectionId))!.failureCount).toBe(2);
  });
});

describe('fair, backed-off polling', () => {
  it('with 500 always-failing connections present, a healthy connection is still synced every round', async () => {
    const healthyHost = await createHost(database);
    const healthy = await addFeed(healthyHost.id, serve(`/healthy-${healthyHost.id}.ics`, calendar(vevent(`h-${healthyHost.id}`, '20270111T150000Z', '20270111T160000Z'))));
    const start = Date.now();
    const failingHosts = await Promise.all(Array.from({ length: 25 }, () => createHost(database)));
    const failing = await database
      .insert(calendarConnections)
      .values(failingHosts.flatMap((host) => Array.from({ length: 20 }, (_, i) => ({ userId: host.id, provider: 'ics' as const, icsUrl: `${origin}/fail/${host.id}/${i}.ics`, nextSyncAt: new Date(start - 60 * 60 * 1000) }))))
      .returning({ id: calendarConnections.id, userId: calendarConnections.userId });
    await database.insert(connectedCalendars).values(failing.map((c) => ({ connectionId: c.id, userId: c.userId, externalId: 'feed', name: 'failing' })));

    let now = start;
    const failingIds = new Set(failing.map((c) => c.id));
    const requested = recordSyncRequests();
    for (let round = 1; round <= 4; round++) {
      now = start + round * 10 * 60 * 1000;
      const taken = await pollStaleConnections(depsFor(database), now);
      // What the calendar-sync job does with each request, at the round's clock. The poll is global:
      // other files' connections in this database are taken but not synced here.
      for (const connectionId of requested.splice(0)) {
        if (connectionId === healthy || failingIds.has(connectionId)) await runConnectionSync(depsFor(database), connectionId, now);
      }
      expect(taken, `round ${round}`).toContain(healthy);
      expect((await connectionRow(database, healthy))!.lastSyncedAt!.getTime(), `round ${round}`).toBe(now);
      const perHost = new Map<string, number>();
      for (const id of taken.filter((id) => failingIds.has(id))) {
        const owner = failing.find((c) => c.id === id)!.userId;
        perHost.set(owner, (perHost.get(owner) ?? 0) + 1);
      }
      expect(Math.max(...perHost.values())).toBeLessThanOrEqual(PER_HOST_SHARE);
    }
    // The failing ones back off: each was tried a few times in 40 minutes, not 40.
    const [attempts] = await database.execute<{ max: number }>(sql`select max(failure_count)::int as max from calendar_connections where id in (${sql.join([...failingIds].map((id) => sql`${id}`), sql`, `)})`);
    expect(attempts!.max).toBeLessThanOrEqual(4);
  });

  it('after failures spanning a day the connection turns error, stops polling, emails the host once, and "Try again" restores it', async () => {
    const host = await createHost(database);
    const path = `/flaky-${host.id}.ics`;
    const connectionId = await addFeed(host.id, serve(path, calendar(vevent(`f-${host.id}`, '20270111T150000Z', '20270111T160000Z'))));
    feeds.delete(path);
    const now = Date.now();
    await database.update(calendarConnections).set({ failureCount: 30, failingSince: new Date(now - STOP_AFTER_FAILING_MS - 1000) }).where(eq(calendarConnections.id, connectionId));
    expect(await syncConnection(depsFor(database), connectionId, now)).toBe('failed');
    expect(await syncConnection(depsFor(database), connectionId, now + 1000)).toBe('failed');
    expect((await connectionRow(database, connectionId))!.status).toBe('error');
    expect(await busyRows(database, connectionId)).toHaveLength(1);
    expect(await pollStaleConnections(depsFor(database), now + 7 * 24 * 60 * 60 * 1000)).not.toContain(connectionId);

    const events = await database.select().from(outbox).where(sql`${outbox.payload}->>'connectionId' = ${connectionId}`);
    expect(events.map((e) => e.eventName)).toEqual(['calendar/sync-stopped']);
    const event = { id: events[0]!.id, name: 'calendar/sync-stopped' as const, data: events[0]!.payload as never, ts: events[0]!.createdAt.getTime() };
    await inlineSink.deliver(event);
    await inlineSink.deliver(event);
    const mails = await database.select().from(emailNotifications).where(and(eq(emailNotifications.recipientEmail, host.email), eq(emailNotifications.notificationType, 'calendar_sync_stopped')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('ICS feed stopped syncing with Rendezvous');
    expect(mails[0]!.textBody).toContain('The calendar feed answered 404');

    feeds.set(path, calendar(vevent(`f-${host.id}`, '20270112T150000Z', '20270112T160000Z')));
    signInAs(host.id);
    expect(await syncNowAction({ connectionId })).toEqual({ ok: true, data: { connectionId, outcome: 'synced' } });
    expect(await connectionRow(database, connectionId)).toMatchObject({ status: 'active', failureCount: 0, failingSince: null, lastError: null });
    expect((await busyRows(database, connectionId)).map((r) => r.start)).toEqual(['2027-01-12T15:00:00.000Z']);
  });

  it('limits "Sync now" per connection, and refuses another host’s connection', async () => {
    const host = await createHost(database);
    const connectionId = await addFeed(host.id, serve(`/now-${host.id}.ics`, calendar(vevent(`n-${host.id}`, '20270111T150000Z', '20270111T160000Z'))));
    signInAs(host.id);
    for (let i = 0; i < 2; i++) expect(await syncNowAction({ connectionId })).toMatchObject({ ok: true });
    expect(await syncNowAction({ connectionId })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    signInAs((await createHost(database)).id);
    expect(await syncNowAction({ connectionId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await syncNowAction({ connectionId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
