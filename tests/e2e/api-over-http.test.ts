import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startProductionServer, type RunningServer } from '../setup/production-server';
import { baseUrl } from './browser';

// The public API through the real production server (scripts/serve.ts + the built app): HTTP framing,
// body limits and client addresses are things an in-process handler test cannot see.

const databaseUrl = inject('e2eDatabaseUrl');

/** The seeded demo host's `intro` meeting type (its id is not on any page). */
async function demoMeetingTypeId(): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ id: string }[]>`
      select mt.id from meeting_types mt join users u on u.id = mt.user_id where u.username = 'demo' and mt.slug = 'intro'`;
    if (!row) throw new Error('the demo host was not seeded');
    return row.id;
  } finally {
    await sql.end();
  }
}

describe('public API over HTTP', () => {
  it('answers health, availability and JSON errors from the production server', async () => {
    expect(await (await fetch(`${baseUrl}/api/health`)).json()).toEqual({ status: 'ok' });
    const id = await demoMeetingTypeId();
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const reply = await fetch(`${baseUrl}/api/v1/availability?meetingTypeId=${id}&start=${start}&end=${end}&timezone=Europe/Berlin`);
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { slots: { start: string }[] };
    expect(body.slots.length).toBeGreaterThan(0);

    const bad = await fetch(`${baseUrl}/api/v1/availability?meetingTypeId=${id}&start=${start}&end=${end}&timezone=Nowhere/Land`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  it('refuses a 1 MiB body with 413 and malformed JSON with 400, never 500', async () => {
    const huge = await fetch(`${baseUrl}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'x'.repeat(1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const broken = await fetch(`${baseUrl}/api/v1/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(broken.status).toBe(400);
    const notJson = await fetch(`${baseUrl}/api/v1/bookings`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(notJson.status).toBe(415);
  });
});

describe('HTTP caching of availability', () => {
  it('sends a strong ETag and shared-cache headers, and answers 304 to If-None-Match until the slots change', async () => {
    const id = await demoMeetingTypeId();
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    const url = `${baseUrl}/api/v1/availability?meetingTypeId=${id}&start=${start}&end=${end}&timezone=UTC`;
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    const slots = ((await first.json()) as { slots: { start: string }[] }).slots;

    const revalidated = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(await revalidated.text()).toBe('');

    // A booking changes the slots: the old tag no longer matches, and the new body leaves the slot out.
    const booked = await fetch(`${baseUrl}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ meetingTypeId: id, start: slots.at(-1)!.start, name: 'Etag Test', email: 'etag@example.test', timezone: 'UTC' }),
    });
    expect(booked.status).toBe(201);
    const changed = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as { slots: { start: string }[] }).slots.map((slot) => slot.start)).not.toContain(slots.at(-1)!.start);
  });
});

describe('a production start', () => {
  it('refuses to start without AUTH_SECRET and says what to set', async () => {
    await expect(startProductionServer(databaseUrl, { AUTH_SECRET: '' })).rejects.toThrow(/AUTH_SECRET must be set to at least 32 random bytes/);
  });

  it('refuses a secret shorter than 32 bytes', async () => {
    await expect(startProductionServer(databaseUrl, { AUTH_SECRET: 'short-secret' })).rejects.toThrow(/AUTH_SECRET/);
  });
});

describe('client addresses for rate limits (scripts/serve.ts)', () => {
  let limited: RunningServer;
  let proxied: RunningServer;
  beforeAll(async () => {
    [limited, proxied] = await Promise.all([
      startProductionServer(databaseUrl, { RATE_LIMIT_AVAILABILITY_PER_MINUTE: '2' }),
      startProductionServer(databaseUrl, { RATE_LIMIT_AVAILABILITY_PER_MINUTE: '2', TRUST_PROXY: '1' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([limited?.stop(), proxied?.stop()]);
  });

  const probe = (server: RunningServer, forwardedFor: string) =>
    fetch(`${server.baseUrl}/api/v1/availability?meetingTypeId=00000000-0000-4000-8000-000000000000&start=2027-01-11&end=2027-01-11&timezone=UTC`, {
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('ignores a forged X-Forwarded-For without TRUST_PROXY: the socket address is limited', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await probe(limited, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([404, 404, 429, 429]);
    const reply = await probe(limited, '198.51.100.1');
    expect(reply.status).toBe(429);
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('with TRUST_PROXY=1 limits the address the proxy appended', async () => {
    const first = [];
    for (let i = 0; i < 3; i++) first.push((await probe(proxied, `10.0.0.1, 203.0.113.50`)).status);
    expect(first).toEqual([404, 404, 429]);
    expect((await probe(proxied, '10.0.0.1, 203.0.113.51')).status).toBe(404);
  });
});
