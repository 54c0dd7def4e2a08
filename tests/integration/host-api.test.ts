import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiIdempotencyKeys, apiKeys, bookings, meetingTypes, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { hostContext } from '@/lib/hosts/host-write';
import { listApiKeys } from '@/lib/hosts/api-keys/list';
import { revokeApiKey } from '@/lib/hosts/api-keys/revoke';
import { createBookableHost, createHost, createMeetingType, insertBookingRow } from '../factories';
import { depsFor } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';
import { callApi, issueKey, meetingTypeBody, webhookEndpointBody } from './host-api';

const database = connectTestDatabase();

describe('API keys', () => {
  it('is shown once as rdv_ + 43 base62 characters; only its SHA-256 and first characters are stored', async () => {
    const host = await createHost(database);
    const { key, apiKey } = await issueKey(database, host.id, 'read');
    expect(key).toMatch(/^rdv_[0-9A-Za-z]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const [row] = await database.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('acts for its host, records when it was last used, and is refused with 401 once revoked', async () => {
    const host = await createHost(database);
    const { key, apiKey } = await issueKey(database, host.id, 'read');
    const first = await callApi('GET', '/api/v1/me', { key });
    expect(first.status).toBe(200);
    expect(first.body.host).toMatchObject({ id: host.id, username: host.username, timeZone: host.timeZone });
    const [listed] = await listApiKeys(database, host.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    await revokeApiKey(hostContext(depsFor(database), host.id), { id: apiKey.id });
    const after = await callApi('GET', '/api/v1/me', { key });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    expect(after.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('writes last_used_at at most once a minute per key', async () => {
    const host = await createHost(database);
    const { key, apiKey } = await issueKey(database, host.id, 'read');
    await callApi('GET', '/api/v1/me', { key });
    const [before] = await database.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await callApi('GET', '/api/v1/me', { key });
    const [after] = await database.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(after!.lastUsedAt!.getTime()).toBe(before!.lastUsedAt!.getTime());
  });

  it('answers no key, a malformed or an unknown key with 401 in the one error shape', async () => {
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer rdv_short', `Bearer rdv_${'A'.repeat(43)}`]) {
      const reply = await callApi('GET', '/api/v1/me', { headers: authorization ? { authorization } : {} });
      expect(reply.status, authorization).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('lets a read key read and refuses its writes with 403, changing nothing', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id, 'read');
    expect((await callApi('GET', '/api/v1/meeting-types', { key })).status).toBe(200);
    const refused = await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody() });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(await database.select().from(meetingTypes).where(eq(meetingTypes.userId, host.id))).toEqual([]);
  });
});

describe('API key rate limit', () => {
  afterEach(() => setTestEnv({ RATE_LIMIT_API_KEY_PER_MINUTE: undefined }));

  it('counts per key, reports RateLimit-* on every reply and answers 429 with Retry-After past the limit', async () => {
    setTestEnv({ RATE_LIMIT_API_KEY_PER_MINUTE: '3' });
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id, 'read');
    const { key: otherKey } = await issueKey(database, host.id, 'read');
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await callApi('GET', '/api/v1/me', { key }));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(replies.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    for (const reply of replies) {
      expect(reply.headers.get('ratelimit-limit')).toBe('3');
      expect(Number(reply.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    }
    expect(replies[3]!.body.error.code).toBe('rate_limited');
    expect(Number(replies[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await callApi('GET', '/api/v1/me', { key: otherKey })).status).toBe(200);
  });
});

describe('API key failures per client address', () => {
  afterEach(() => setTestEnv({ RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT: '0' }));
  const from = (address: string, authorization?: string) => ({
    headers: { 'x-forwarded-for': address, ...(authorization ? { authorization } : {}) },
  });

  it('answers 429 with Retry-After once one address has had its limit of 401s, even for a valid key, and counts other addresses apart', async () => {
    setTestEnv({ RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT: '3' });
    const host = await createHost(database);
    const { key, apiKey } = await issueKey(database, host.id, 'read');
    await revokeApiKey(hostContext(depsFor(database), host.id), { id: apiKey.id });
    const { key: validKey } = await issueKey(database, host.id, 'read');
    const bad = [`Bearer ${key}`, 'Bearer rdv_short', `Bearer rdv_${'B'.repeat(43)}`, `Bearer rdv_${'C'.repeat(43)}`];
    const replies = [];
    for (const authorization of bad) replies.push(await callApi('GET', '/api/v1/me', from('203.0.113.7', authorization)));
    expect(replies.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    for (const reply of replies.slice(3)) {
      expect(reply.body).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/invalid API key/) } });
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(reply.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    }
    // Refused before the lookup: a valid key from that address waits too; another address is unaffected.
    expect((await callApi('GET', '/api/v1/me', from('203.0.113.7', `Bearer ${validKey}`))).status).toBe(429);
    expect((await callApi('GET', '/api/v1/me', from('198.51.100.4', `Bearer ${validKey}`))).status).toBe(200);
    expect((await callApi('GET', '/api/v1/me', from('198.51.100.4'))).status).toBe(401);
  });

  it('does not count successful requests against the address', async () => {
    setTestEnv({ RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT: '1' });
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id, 'read');
    for (let i = 0; i < 3; i++) expect((await callApi('GET', '/api/v1/me', from('192.0.2.9', `Bearer ${key}`))).status).toBe(200);
    expect((await callApi('GET', '/api/v1/me', from('192.0.2.9', 'Bearer rdv_short'))).status).toBe(401);
    expect((await callApi('GET', '/api/v1/me', from('192.0.2.9', `Bearer ${key}`))).status).toBe(429);
  });
});

describe('host API: meeting types', () => {
  it('creates, reads, replaces, lists and deletes through the dashboard verbs', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const created = await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody({ name: 'Intro call', minChangeNoticeMinutes: 2, minChangeNoticeMinutesUnit: 'hours' }) });
    expect(created.status).toBe(201);
    const id = created.body.meetingType.id as string;
    expect(created.body.meetingType).toMatchObject({ name: 'Intro call', color: '#3B82F6', minChangeNoticeMinutes: 120 });
    expect((await callApi('GET', `/api/v1/meeting-types/${id}`, { key })).body.meetingType.name).toBe('Intro call');
    const replaced = await callApi('PUT', `/api/v1/meeting-types/${id}`, { key, body: meetingTypeBody({ name: 'Longer call', durationMinutes: 60 }) });
    expect(replaced.status).toBe(200);
    expect(replaced.body.meetingType).toMatchObject({ id, name: 'Longer call', durationMinutes: 60 });
    expect((await callApi('GET', '/api/v1/meeting-types', { key })).body.meetingTypes.map((m: { id: string }) => m.id)).toEqual([id]);
    expect((await callApi('DELETE', `/api/v1/meeting-types/${id}`, { key })).body).toEqual({ id });
    expect((await callApi('GET', `/api/v1/meeting-types/${id}`, { key })).status).toBe(404);
  });

  it('refuses unknown fields, wrong types and malformed JSON with 400 and the fields at fault', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const unknown = await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody({ colour: '#000000' }) });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.details)).toContain('colour');
    const wrongType = await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody({ durationMinutes: 'long' }) });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.issues).toContainEqual(expect.objectContaining({ path: 'durationMinutes' }));
    const malformed = await callApi('POST', '/api/v1/meeting-types', { key, body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);
    expect(await database.select().from(meetingTypes).where(eq(meetingTypes.userId, host.id))).toEqual([]);
  });

  it('refuses a body over 1 MiB with 413, whether Content-Length says so or the stream shows it', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const huge = JSON.stringify(meetingTypeBody({ description: 'x'.repeat(1024 * 1024) }));
    const declared = await callApi('POST', '/api/v1/meeting-types', { key, body: huge, headers: { 'content-length': String(Buffer.byteLength(huge)) } });
    expect(declared.status).toBe(413);
    const streamed = await callApi('POST', '/api/v1/meeting-types', { key, body: huge, headers: { 'content-length': '10' } });
    expect(streamed.status).toBe(413);
    // Under the cap, the same field is refused by its own rule, not by size.
    const large = await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody({ description: 'x'.repeat(6000) }) });
    expect(large.status).toBe(400);
  });

  it('replays the reply for a repeated Idempotency-Key, and refuses the key with another body', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const body = meetingTypeBody();
    const headers = { 'idempotency-key': 'create-intro-1' };
    const first = await callApi('POST', '/api/v1/meeting-types', { key, body, headers });
    const again = await callApi('POST', '/api/v1/meeting-types', { key, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody(), headers });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(await database.select().from(meetingTypes).where(eq(meetingTypes.userId, host.id))).toHaveLength(1);
  });

  it('creates once when two requests with one key arrive together', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const body = meetingTypeBody();
    const headers = { 'idempotency-key': 'create-together' };
    const replies = await Promise.all([1, 2, 3].map(() => callApi('POST', '/api/v1/meeting-types', { key, body, headers })));
    expect(replies.filter((reply) => reply.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const reply of replies) expect([201, 409]).toContain(reply.status);
    expect(await database.select().from(meetingTypes).where(eq(meetingTypes.userId, host.id))).toHaveLength(1);
  });

  it('frees the key of a refused create, so the corrected request may use it', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const headers = { 'idempotency-key': 'create-intro-2' };
    await createMeetingType(database, host.id, { slug: 'taken' });
    const clash = await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody({ slug: 'taken' }), headers });
    expect(clash.status).toBe(409);
    expect((await callApi('POST', '/api/v1/meeting-types', { key, body: meetingTypeBody({ slug: 'free' }), headers })).status).toBe(201);
  });
});

describe('host API: hours, zone and date overrides', () => {
  it('reads and replaces the weekly hours and the time zone', async () => {
    const { host } = await createBookableHost(database);
    const { key } = await issueKey(database, host.id);
    const week = await callApi('GET', '/api/v1/weekly-hours', { key });
    expect(week.body.days).toHaveLength(7);
    expect(week.body.days[1]).toEqual({ dayOfWeek: 1, windows: [{ startTime: '09:00', endTime: '17:00' }] });
    const replaced = await callApi('PUT', '/api/v1/weekly-hours', { key, body: { days: [{ dayOfWeek: 2, windows: [{ startTime: '13:00', endTime: '24:00' }] }] } });
    expect(replaced.status).toBe(200);
    const after = await callApi('GET', '/api/v1/weekly-hours', { key });
    expect(after.body.days.filter((day: { windows: unknown[] }) => day.windows.length > 0)).toEqual([{ dayOfWeek: 2, windows: [{ startTime: '13:00', endTime: '24:00' }] }]);
    const overlapping = await callApi('PUT', '/api/v1/weekly-hours', { key, body: { days: [{ dayOfWeek: 2, windows: [{ startTime: '09:00', endTime: '12:00' }, { startTime: '11:00', endTime: '13:00' }] }] } });
    expect(overlapping.status).toBe(400);
    expect((await callApi('PUT', '/api/v1/time-zone', { key, body: { timeZone: 'europe/paris' } })).body).toEqual({ timeZone: 'Europe/Paris' });
    expect((await callApi('GET', '/api/v1/time-zone', { key })).body).toEqual({ timeZone: 'Europe/Paris' });
    expect((await callApi('PUT', '/api/v1/time-zone', { key, body: { timeZone: 'Mars/Olympus' } })).status).toBe(400);
  });

  it('puts, lists and deletes a date override; a past date or an unknown one is refused', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const date = '2099-03-10';
    const put = await callApi('PUT', `/api/v1/date-overrides/${date}`, { key, body: { unavailable: false, windows: [{ startTime: '10:00', endTime: '11:00' }] } });
    expect(put.status).toBe(200);
    const replaced = await callApi('PUT', `/api/v1/date-overrides/${date}`, { key, body: { unavailable: true, windows: [] } });
    expect(replaced.body).toEqual({ date, unavailable: true, windows: [] });
    expect((await callApi('GET', '/api/v1/date-overrides', { key })).body.dateOverrides).toEqual([{ date, unavailable: true, windows: [] }]);
    expect((await callApi('DELETE', `/api/v1/date-overrides/${date}`, { key })).body).toEqual({ date });
    expect((await callApi('DELETE', `/api/v1/date-overrides/${date}`, { key })).status).toBe(404);
    expect((await callApi('PUT', '/api/v1/date-overrides/2001-01-01', { key, body: { unavailable: true, windows: [] } })).status).toBe(400);
    expect((await callApi('PUT', '/api/v1/date-overrides/not-a-date', { key, body: { unavailable: true, windows: [] } })).status).toBe(400);
    expect((await callApi('PUT', `/api/v1/date-overrides/${date}`, { key, body: { unavailable: false, windows: [] } })).status).toBe(400);
  });
});

describe('host API: bookings', () => {
  async function hostWithBookings() {
    const { host, meetingType } = await createBookableHost(database);
    const rows = [];
    for (const [start, end, status] of [
      ['2030-01-07T15:00:00Z', '2030-01-07T15:30:00Z', 'confirmed'],
      ['2030-01-08T15:00:00Z', '2030-01-08T15:30:00Z', 'cancelled'],
      ['2030-01-09T15:00:00Z', '2030-01-09T15:30:00Z', 'confirmed'],
      ['2030-01-10T15:00:00Z', '2030-01-10T15:30:00Z', 'confirmed'],
    ] as const) {
      rows.push(await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start, end, status }));
    }
    return { host, meetingType, rows };
  }

  it('lists by status and start range, soonest first, page by page with an opaque cursor', async () => {
    const { host, rows } = await hostWithBookings();
    const { key } = await issueKey(database, host.id, 'read');
    const first = await callApi('GET', '/api/v1/me/bookings?status=confirmed&limit=2', { key });
    expect(first.body.items.map((b: { id: string }) => b.id)).toEqual([rows[0]!.id, rows[2]!.id]);
    const second = await callApi('GET', `/api/v1/me/bookings?status=confirmed&limit=2&cursor=${first.body.nextCursor}`, { key });
    expect(second.body.items.map((b: { id: string }) => b.id)).toEqual([rows[3]!.id]);
    expect(second.body.nextCursor).toBeNull();
    const ranged = await callApi('GET', '/api/v1/me/bookings?from=2030-01-08T00:00:00Z&to=2030-01-10T00:00:00Z', { key });
    expect(ranged.body.items.map((b: { id: string }) => b.id)).toEqual([rows[1]!.id, rows[2]!.id]);
  });

  it('refuses a bad cursor, status, range or limit with 400 instead of reading the first page', async () => {
    const { host } = await hostWithBookings();
    const { key } = await issueKey(database, host.id, 'read');
    for (const query of ['cursor=bm90LWEtY3Vyc29y', 'cursor=%%%', 'status=lost', 'from=yesterday', 'limit=0', 'limit=101', 'from=2030-01-09T00:00:00Z&to=2030-01-08T00:00:00Z', 'tab=upcoming']) {
      const reply = await callApi('GET', `/api/v1/me/bookings?${query}`, { key });
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
  });

  it('shows one booking as its host sees it, tracking included', async () => {
    const { host, rows } = await hostWithBookings();
    await database.update(bookings).set({ tracking: { utm_source: 'newsletter' } }).where(eq(bookings.id, rows[0]!.id));
    const { key } = await issueKey(database, host.id, 'read');
    const reply = await callApi('GET', `/api/v1/me/bookings/${rows[0]!.id}`, { key });
    expect(reply.body.booking).toMatchObject({ id: rows[0]!.id, status: 'confirmed', tracking: { utm_source: 'newsletter' }, start: '2030-01-07T15:00:00.000Z' });
  });

  it('cancels as the host with a reason, and marks a no-show only once the meeting started', async () => {
    const { host, meetingType, rows } = await hostWithBookings();
    const { key } = await issueKey(database, host.id);
    const cancelled = await callApi('POST', `/api/v1/me/bookings/${rows[0]!.id}/cancel`, { key, body: { reason: 'Travelling' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'host', cancellationReason: 'Travelling' });
    // Cancelling again changes nothing and answers the same.
    const again = await callApi('POST', `/api/v1/me/bookings/${rows[0]!.id}/cancel`, { key, body: {} });
    expect(again.body.booking).toMatchObject({ status: 'cancelled', cancellationReason: 'Travelling' });
    const future = await callApi('POST', `/api/v1/me/bookings/${rows[2]!.id}/no-show`, { key, body: { noShow: true } });
    expect(future.status).toBe(409);
    const past = await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2020-01-07T15:00:00Z', end: '2020-01-07T15:30:00Z' });
    const marked = await callApi('POST', `/api/v1/me/bookings/${past.id}/no-show`, { key, body: { noShow: true } });
    expect(marked.body.booking.noShowAt).toEqual(expect.any(String));
    expect((await callApi('POST', `/api/v1/me/bookings/${past.id}/no-show`, { key, body: { noShow: 'yes' } })).status).toBe(400);
  });
});

describe('host API: requests awaiting approval', () => {
  /** A request (pending booking) of the host, as booking a meeting type that requires confirmation leaves it. */
  async function pendingRequest(hostUserId: string, meetingTypeId: string, start: string, end: string) {
    const row = await insertBookingRow(database, { hostUserId, meetingTypeId, start, end });
    await database.update(bookings).set({ status: 'pending', approvalTokenHash: 'a'.repeat(64), approvalExpiresAt: new Date(start) }).where(eq(bookings.id, row.id));
    return row;
  }

  it('approves and declines through the dashboard verbs; a second decision is a 409 naming the first', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const { key } = await issueKey(database, host.id);
    const first = await pendingRequest(host.id, meetingType.id, '2030-02-04T15:00:00Z', '2030-02-04T15:30:00Z');
    const second = await pendingRequest(host.id, meetingType.id, '2030-02-05T15:00:00Z', '2030-02-05T15:30:00Z');
    const approved = await callApi('POST', `/api/v1/me/bookings/${first.id}/approve`, { key });
    expect(approved.status).toBe(200);
    expect(approved.body.booking).toMatchObject({ id: first.id, status: 'confirmed' });
    const declined = await callApi('POST', `/api/v1/me/bookings/${second.id}/decline`, { key, body: { reason: 'Fully booked that week' } });
    expect(declined.status).toBe(200);
    expect(declined.body.booking).toMatchObject({ id: second.id, status: 'declined', cancellationReason: 'Fully booked that week' });
    const late = await callApi('POST', `/api/v1/me/bookings/${first.id}/decline`, { key, body: {} });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'booking_not_active', message: 'This request was already approved.', details: { status: 'confirmed' } } } });
    const again = await callApi('POST', `/api/v1/me/bookings/${second.id}/approve`, { key });
    expect(again).toMatchObject({ status: 409, body: { error: { message: 'This request was already declined.' } } });
    expect((await callApi('POST', `/api/v1/me/bookings/${second.id}/decline`, { key, body: { why: 'x' } })).status).toBe(400);
    const stored = async (id: string) => (await database.select({ status: bookings.status, declineReason: bookings.declineReason }).from(bookings).where(eq(bookings.id, id)))[0];
    expect(await stored(first.id)).toEqual({ status: 'confirmed', declineReason: null });
    expect(await stored(second.id)).toEqual({ status: 'declined', declineReason: 'Fully booked that week' });
  });

  it('refuses to approve a confirmed booking that was never a request (409)', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const { key } = await issueKey(database, host.id);
    const booking = await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2030-02-06T15:00:00Z', end: '2030-02-06T15:30:00Z' });
    expect((await callApi('POST', `/api/v1/me/bookings/${booking.id}/approve`, { key })).status).toBe(409);
  });
});

describe('host API: webhook endpoints', () => {
  beforeEach(() => setTestEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: '1' }));
  afterEach(() => setTestEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: undefined }));

  it('creates (the secret once), reads, replaces, turns off and on, rotates and deletes through the settings verbs', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const created = await callApi('POST', '/api/v1/webhook-endpoints', { key, body: webhookEndpointBody({ events: ['booking.created', 'booking.created', 'meeting_type.updated'] }) });
    expect(created.status).toBe(201);
    const { endpoint, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ events: ['booking.created', 'meeting_type.updated'], enabled: true, disabledReason: null });
    const [stored] = await database.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored!.secretEncrypted).not.toContain(secret.slice(6));
    const read = await callApi('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { key });
    expect(read.body).toEqual({ endpoint });
    expect(JSON.stringify((await callApi('GET', '/api/v1/webhook-endpoints', { key })).body)).not.toContain(secret.slice(6));
    const off = await callApi('PUT', `/api/v1/webhook-endpoints/${endpoint.id}`, { key, body: { url: 'https://127.0.0.1/hooks/moved', events: ['booking.cancelled'], enabled: false } });
    expect(off.status).toBe(200);
    expect(off.body.endpoint).toMatchObject({ id: endpoint.id, url: 'https://127.0.0.1/hooks/moved', events: ['booking.cancelled'], enabled: false, disabledReason: 'host' });
    expect((await callApi('POST', `/api/v1/webhook-endpoints/${endpoint.id}/test`, { key })).status).toBe(409);
    const on = await callApi('PUT', `/api/v1/webhook-endpoints/${endpoint.id}`, { key, body: { url: 'https://127.0.0.1/hooks/moved', events: ['booking.cancelled'], enabled: true } });
    expect(on.body.endpoint).toMatchObject({ enabled: true, disabledReason: null });
    // Without `enabled` the switch stays where it is.
    expect((await callApi('PUT', `/api/v1/webhook-endpoints/${endpoint.id}`, { key, body: webhookEndpointBody() })).body.endpoint.enabled).toBe(true);
    expect((await callApi('GET', '/api/v1/webhook-endpoints', { key })).body.endpoints.map((e: { id: string }) => e.id)).toEqual([endpoint.id]);
    const rotated = await callApi('POST', `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { key });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    expect((await callApi('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, { key })).body).toEqual({ id: endpoint.id });
    expect((await callApi('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { key })).status).toBe(404);
  });

  it('refuses a private or plain-http URL with 400 on url, and unknown fields', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    setTestEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: undefined });
    const privateUrl = await callApi('POST', '/api/v1/webhook-endpoints', { key, body: webhookEndpointBody() });
    expect(privateUrl.status).toBe(400);
    expect(privateUrl.body.error.details.fieldErrors.url).toMatch(/private or not reachable/);
    const plain = await callApi('POST', '/api/v1/webhook-endpoints', { key, body: webhookEndpointBody({ url: 'http://hooks.example.com/in' }) });
    expect(plain.body.error.details.fieldErrors.url).toMatch(/https/);
    expect((await callApi('POST', '/api/v1/webhook-endpoints', { key, body: webhookEndpointBody({ secret: 'whsec_mine' }) })).status).toBe(400);
    expect((await callApi('POST', '/api/v1/webhook-endpoints', { key, body: webhookEndpointBody({ events: ['booking.lost'] }) })).status).toBe(400);
    expect(await database.$count(webhookEndpoints, eq(webhookEndpoints.userId, host.id))).toBe(0);
  });

  it('replays a create for a repeated Idempotency-Key without the secret, which is never stored in the clear', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const body = webhookEndpointBody();
    const headers = { 'idempotency-key': 'hook-1' };
    const first = await callApi('POST', '/api/v1/webhook-endpoints', { key, body, headers });
    const again = await callApi('POST', '/api/v1/webhook-endpoints', { key, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual({ endpoint: first.body.endpoint });
    const kept = await database.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.userId, host.id));
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain(first.body.secret.slice(6));
    expect((await callApi('POST', '/api/v1/webhook-endpoints', { key, body: webhookEndpointBody(), headers })).status).toBe(422);
    expect(await database.$count(webhookEndpoints, eq(webhookEndpoints.userId, host.id))).toBe(1);
  });

  it('queues a test event, shows it in the delivery log with its attempts, and resends it', async () => {
    const host = await createHost(database);
    const { key } = await issueKey(database, host.id);
    const { endpoint } = (await callApi('POST', '/api/v1/webhook-endpoints', { key, body: webhookEndpointBody() })).body;
    const test = await callApi('POST', `/api/v1/webhook-endpoints/${endpoint.id}/test`, { key });
    expect(test.status).toBe(202);
    const { deliveryId } = test.body;
    expect(deliveryId).toMatch(/^msg_/);
    // What the runner records when the receiver keeps failing: an attempt, and the delivery out of retries.
    await database.insert(webhookAttempts).values({ deliveryId, attemptNumber: 1, attemptedAt: new Date(), statusCode: 500, durationMs: 42, responseExcerpt: 'oops' });
    await database.update(webhookDeliveries).set({ status: 'dead', attempts: 1, nextAttemptAt: null }).where(eq(webhookDeliveries.id, deliveryId));
    const log = await callApi('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, { key });
    expect(log.status).toBe(200);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({ id: deliveryId, eventType: 'webhook.test', status: 'dead', attempts: 1, attemptLog: [expect.objectContaining({ attemptNumber: 1, statusCode: 500, durationMs: 42, responseExcerpt: 'oops' })] }),
    ]);
    const resent = await callApi('POST', `/api/v1/webhook-deliveries/${deliveryId}/resend`, { key });
    expect(resent).toMatchObject({ status: 202, body: { deliveryId } });
    expect((await callApi('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=1`, { key })).body.deliveries[0]).toMatchObject({ id: deliveryId, status: 'pending' });
    expect((await callApi('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries?limit=0`, { key })).status).toBe(400);
    expect((await callApi('POST', '/api/v1/webhook-deliveries/msg_unknown0123456789abc/resend', { key })).status).toBe(404);
    expect((await callApi('POST', '/api/v1/webhook-deliveries/not-a-delivery/resend', { key })).status).toBe(404);
  });
});

describe('host API: hostile input', () => {
  it('answers arbitrary ids, queries and bodies on every route with a 4xx or a success, never a 5xx', async () => {
    const { host } = await createBookableHost(database);
    const { key } = await issueKey(database, host.id);
    const ids = ['x', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%00', 'é'.repeat(300), '2099-02-30', '9999-99-99'];
    const bodies: unknown[] = [undefined, 'null', '[]', '"text"', '{}', '{"days":"all"}', '{"unavailable":true,"windows":[{"startTime":"25:00","endTime":"x"}]}', '{"noShow":null}', '{"reason":{"a":1}}', '{"name":"\\u0000"}'];
    const templates = [
      '/api/v1/meeting-types/{id}',
      '/api/v1/date-overrides/{id}',
      '/api/v1/me/bookings/{id}',
      '/api/v1/me/bookings/{id}/cancel',
      '/api/v1/me/bookings/{id}/no-show',
      '/api/v1/me/bookings/{id}/decline',
      '/api/v1/webhook-endpoints/{id}',
      '/api/v1/webhook-endpoints/{id}/deliveries',
      '/api/v1/webhook-deliveries/{id}/resend',
    ];
    const fixed = ['/api/v1/meeting-types', '/api/v1/weekly-hours', '/api/v1/time-zone', '/api/v1/me/bookings?cursor=%FF&limit=abc', '/api/v1/webhook-endpoints'];
    const paths = [...fixed, ...templates.flatMap((template) => ids.map((id) => template.replace('{id}', encodeURIComponent(id))))];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : bodies) {
          const reply = await callApi(method, path, { key, body }).catch((error: Error) => (error.message.startsWith('no host API handler') ? null : Promise.reject(error)));
          if (reply) expect(reply.status, `${method} ${path} ${String(body)}`).toBeLessThan(500);
        }
      }
    }
  });
});
