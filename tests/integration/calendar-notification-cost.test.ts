import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as graphNotificationRoute } from '@/app/api/integrations/microsoft/notifications/route';
import { createDatabase } from '@/db/client';
import { googleNotification, microsoftNotification } from '@/lib/calendars/http-handlers';
import { MAX_GRAPH_NOTIFICATIONS_PER_POST } from '@/lib/calendars/push/notifications';
import { ensureWatches } from '@/lib/calendars/push/watch-lifecycle';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { requireDatabaseUrl } from '@/lib/env';
import { route } from '@/lib/http';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { startMicrosoftFake, type MicrosoftFake } from '../fakes/microsoft/microsoft-fake';
import { createHost } from '../factories';
import { calendarRows, connect, depsFor, publicAppUrl, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';
import { serveRoute } from './route-server';

// What one push notification POST costs, counted at the postgres.js client: forged, unknown,
// oversized and over-rate ones are refused before any query; an accepted Graph batch costs one lookup
// and one sync request per connection, however many items it carries.

const database = connectTestDatabase();
const queries: string[] = [];
const counted = createDatabase(requireDatabaseUrl(), { max: 2, onQuery: (sql) => queries.push(sql) });
const countedDeps = { database: counted, store: createMemoryStore() };
const postGraph = route((request) => microsoftNotification(request, countedDeps));
const postGoogle = route((request) => googleNotification(request, countedDeps));
const noParams = { params: Promise.resolve({}) };
let app: { origin: string };
let requested: string[];

/** The POST's status and the queries it cost. */
async function cost(post: typeof postGraph, request: Request) {
  queries.length = 0;
  const response = await post(request, noParams);
  return { status: response.status, queries: queries.length, retryAfter: response.headers.get('retry-after') };
}
const graphPost = (body: unknown) => new Request(`${app.origin}/api/integrations/microsoft/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  app = await serveRoute(graphNotificationRoute);
  // postgres.js reads the array types once per pool: do it now, so the counts are the handlers' own.
  await counted.execute(sql`select 1`);
  return () => counted.close();
});
beforeEach(() => {
  requested = recordSyncRequests();
});

describe('Microsoft Graph notification cost', () => {
  let fake: MicrosoftFake;
  beforeEach(async () => {
    fake = await startMicrosoftFake({ deliverTo: app.origin });
    useProviderFake('microsoft', fake, { APP_URL: publicAppUrl, RATE_LIMIT_CALENDAR_NOTIFICATIONS_PER_MINUTE: '3' });
  });
  afterEach(() => fake.close());

  async function subscribed() {
    const host = await createHost(database);
    const connectionId = await connect(database, 'microsoft', host.id);
    await ensureWatches(depsFor(database), connectionId);
    const [calendar] = await calendarRows(database, connectionId);
    return { connectionId, subscriptionId: calendar!.watchId! };
  }

  it('refuses a 44 KB anonymous POST of forged items with no query (it cost ~1,000 before)', async () => {
    const forged = Array.from({ length: 1000 }, () => ({ subscriptionId: randomUUID(), clientState: 'x' }));
    const body = JSON.stringify({ value: forged });
    expect(body.length).toBeGreaterThan(44_000);
    expect(await cost(postGraph, graphPost({ value: forged }))).toMatchObject({ status: 413, queries: 0 });
    // Under the item bound, a 44 KB batch of forged or unknown secrets is answered 202, still with no query.
    const padded = Array.from({ length: MAX_GRAPH_NOTIFICATIONS_PER_POST }, () => ({ subscriptionId: randomUUID(), clientState: `${randomUUID()}.${randomUUID()}.${'A'.repeat(43)}`, resource: 'r'.repeat(300) }));
    expect(JSON.stringify({ value: padded }).length).toBeGreaterThan(44_000);
    expect(await cost(postGraph, graphPost({ value: padded }))).toMatchObject({ status: 202, queries: 0 });
    expect(requested).toEqual([]);
  });

  it('refuses a body over the cap before reading it as JSON, with no query', async () => {
    const huge = { value: [{ subscriptionId: randomUUID(), clientState: 'x', resource: 'r'.repeat(70 * 1024) }] };
    expect(await cost(postGraph, graphPost(huge))).toMatchObject({ status: 413, queries: 0 });
  });

  it('costs one query and one sync request for a full batch of genuine notifications', async () => {
    const { connectionId, subscriptionId } = await subscribed();
    const [item] = fake.notify(subscriptionId).value;
    const batch = { value: Array.from({ length: MAX_GRAPH_NOTIFICATIONS_PER_POST }, () => item) };
    expect(await cost(postGraph, graphPost(batch))).toMatchObject({ status: 202, queries: 1 });
    expect(requested).toEqual([connectionId]);
  });

  it('ignores a genuine secret on a subscription the calendar no longer has', async () => {
    const { subscriptionId } = await subscribed();
    const [item] = fake.notify(subscriptionId).value;
    expect(await cost(postGraph, graphPost({ value: [{ ...item, subscriptionId: randomUUID() }] }))).toMatchObject({ status: 202, queries: 1 });
    expect(requested).toEqual([]);
  });

  it('refuses a connection over its rate with 429 and no query', async () => {
    const { subscriptionId } = await subscribed();
    const body = fake.notify(subscriptionId);
    for (let accepted = 0; accepted < 3; accepted++) expect((await cost(postGraph, graphPost(body))).status).toBe(202);
    const refused = await cost(postGraph, graphPost(body));
    expect(refused).toMatchObject({ status: 429, queries: 0 });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(requested).toHaveLength(3);
  });
});

describe('Google channel notification cost', () => {
  let fake: GoogleFake;
  beforeEach(async () => {
    fake = await startGoogleFake({ deliverTo: app.origin });
    useProviderFake('google', fake, { APP_URL: publicAppUrl, RATE_LIMIT_CALENDAR_NOTIFICATIONS_PER_MINUTE: '2' });
  });
  afterEach(() => {
    fake.close();
    setTestEnv({ RATE_LIMIT_CALENDAR_NOTIFICATIONS_PER_MINUTE: undefined });
  });

  async function channel() {
    const host = await createHost(database);
    const connectionId = await connect(database, 'google', host.id);
    await ensureWatches(depsFor(database), connectionId);
    const [calendar] = await calendarRows(database, connectionId);
    const token = fake.channels.get(calendar!.watchId!)!.token;
    return { connectionId, channelId: calendar!.watchId!, token };
  }
  const delivery = (headers: Record<string, string>) => new Request(`${app.origin}/api/integrations/google/notifications`, { method: 'POST', headers });

  it('costs no query for a forged or unknown channel, and one for a genuine change', async () => {
    const { connectionId, channelId, token } = await channel();
    const headers = { 'x-goog-channel-id': channelId, 'x-goog-channel-token': token, 'x-goog-resource-state': 'exists', 'x-goog-message-number': '5' };
    expect(await cost(postGoogle, delivery({ ...headers, 'x-goog-channel-token': 'forged' }))).toMatchObject({ status: 200, queries: 0 });
    expect(await cost(postGoogle, delivery({ ...headers, 'x-goog-channel-id': randomUUID(), 'x-goog-channel-token': `${randomUUID()}.${randomUUID()}.${'A'.repeat(43)}` }))).toMatchObject({ status: 200, queries: 0 });
    expect(await cost(postGoogle, delivery(headers))).toMatchObject({ status: 200, queries: 1 });
    expect(requested).toEqual([connectionId]);
    // Over the connection's rate: 429 before any query.
    expect((await cost(postGoogle, delivery({ ...headers, 'x-goog-message-number': '6' }))).status).toBe(200);
    expect(await cost(postGoogle, delivery({ ...headers, 'x-goog-message-number': '7' }))).toMatchObject({ status: 429, queries: 0 });
  });
});
