import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addIcsFeedAction } from '@/app/dashboard/integrations/actions';
import { readHostVersion } from '@/lib/cache/host-version';
import { fetchFeed, FeedRefusedError, type FeedPolicy } from '@/lib/calendars/ics/fetch-feed';
import { isPublicAddress } from '@/lib/calendars/ics/public-address';
import { pollStaleConnections } from '@/lib/calendars/poll-stale';
import { syncConnection } from '@/lib/calendars/sync-connection';
import { createBookableHost, createHost } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { fetchAvailability } from './api';
import { busyRows, depsFor, recordSyncRequests } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// ICS feeds as busy time: the SSRF guard (private, loopback, link-local and metadata addresses after
// DNS resolution, redirects re-checked, size and time limits, https only) and recurring events.

const database = connectTestDatabase();
let feedOrigin: string;
let feedBody = '';
const server = createServer((request, response: ServerResponse) => {
  if (request.url === '/redirect-private') return response.writeHead(302, { location: 'http://10.0.0.1/feed.ics' }).end();
  if (request.url === '/redirect-metadata') return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  if (request.url === '/redirect-file') return response.writeHead(302, { location: 'file:///etc/passwd' }).end();
  if (request.url === '/huge.ics') {
    response.writeHead(200, { 'content-type': 'text/calendar' });
    const chunk = 'X'.repeat(1024 * 1024);
    for (let i = 0; i < 6; i++) response.write(chunk);
    return response.end();
  }
  response.writeHead(200, { 'content-type': 'text/calendar' }).end(feedBody);
});

// The loopback fake stands in for "the internet": this policy treats 127.0.0.1 as public and keeps
// every other private range refused, so redirects from it to private addresses are really checked.
const loopbackIsPublic: FeedPolicy = { allowHttp: true, isAllowedAddress: (address) => address === '127.0.0.1' || isPublicAddress(address) };
const production: FeedPolicy = { allowHttp: false, isAllowedAddress: isPublicAddress };

const weekly = (uid: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    'DTSTART;TZID=America/New_York:20270111T100000',
    'DTEND;TZID=America/New_York:20270111T110000',
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'EXDATE;TZID=America/New_York:20270118T100000',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  setTestEnv({ ICS_ALLOW_PRIVATE_NETWORKS: '1' });
  recordSyncRequests();
});

describe('the ICS fetch guard', () => {
  it.each([
    ['https://127.0.0.1/feed.ics', /not reachable/],
    ['https://10.0.0.1/feed.ics', /not reachable/],
    ['https://169.254.169.254/latest/meta-data/', /not reachable/],
    ['https://[::1]/feed.ics', /not reachable/],
    ['https://localhost/feed.ics', /not reachable/],
    ['file:///etc/passwd', /https/],
    ['http://calendar.example.com/feed.ics', /https/],
    ['https://user:secret@calendar.example.com/feed.ics', /user name/],
  ])('refuses %s', async (url, message) => {
    await expect(fetchFeed(url, production)).rejects.toThrow(message);
  });

  it('re-checks every redirect: to a private address, the metadata service, or file:', async () => {
    for (const path of ['/redirect-private', '/redirect-metadata', '/redirect-file']) {
      const refusal = await fetchFeed(`${feedOrigin}${path}`, loopbackIsPublic).catch((error: unknown) => error);
      expect(refusal, path).toBeInstanceOf(FeedRefusedError);
    }
  });

  it('stops reading past 5 MiB', async () => {
    await expect(fetchFeed(`${feedOrigin}/huge.ics`, loopbackIsPublic)).rejects.toThrow(/larger than 5 MiB/);
  });

  it('reads a feed the policy allows', async () => {
    feedBody = weekly('allowed@test');
    await expect(fetchFeed(`${feedOrigin}/feed.ics`, loopbackIsPublic)).resolves.toContain('BEGIN:VCALENDAR');
  });
});

describe('ICS feeds as busy time', () => {
  it('adds a feed from the integrations page; its RRULE/EXDATE/TZID instances block slots', async () => {
    const { host, meetingType } = await createBookableHost(database);
    feedBody = weekly(`weekly-${host.id}@test`);
    signInAs(host.id);
    const result = await addIcsFeedAction({ url: `${feedOrigin}/feed.ics`, name: 'Family' });
    expect(result.ok).toBe(true);
    const connectionId = (result as { data: { connectionId: string } }).data.connectionId;
    expect((await busyRows(database, connectionId)).map((r) => r.start)).toEqual(['2027-01-11T15:00:00.000Z', '2027-01-25T15:00:00.000Z']);
    const reply = await fetchAvailability({ meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-18', timezone: 'America/New_York' });
    const starts = reply.body.slots.map((s) => s.start);
    expect(starts).not.toContain('2027-01-11T15:00:00.000Z');
    expect(starts).toContain('2027-01-18T15:00:00.000Z'); // EXDATE: that Monday is free

    // Read again unchanged: nothing is written and cached slots stay valid (no version bump).
    const deps = depsFor(database);
    const version = await readHostVersion(deps.store, host.id);
    expect(await syncConnection(deps, connectionId)).toBe('synced');
    expect(await readHostVersion(deps.store, host.id)).toBe(version);

    // The feed changes; the cron's poll picks it up (a connection not synced for 10 minutes).
    feedBody = weekly(`weekly-${host.id}@test`).replace('COUNT=3', 'COUNT=1');
    const due = await pollStaleConnections(depsFor(database), Date.now() + 11 * 60 * 1000);
    expect(due).toContain(connectionId);
    expect(await syncConnection(depsFor(database), connectionId)).toBe('synced');
    expect((await busyRows(database, connectionId)).map((r) => r.start)).toEqual(['2027-01-11T15:00:00.000Z']);
  });

  it('refuses a private address as a field error when the guard is on', async () => {
    setTestEnv({ ICS_ALLOW_PRIVATE_NETWORKS: undefined });
    const host = await createHost(database);
    signInAs(host.id);
    const result = await addIcsFeedAction({ url: 'https://10.0.0.1/feed.ics' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { url: 'That address is not reachable from the internet.' } } });
  });
});
