import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetRepliesForTests } from '@/lib/availability/reply-cache';
import { hashPassword } from '@/lib/secrets/password';
import { verifyPasswordSignIn } from '@/lib/auth/password-sign-in';
import { resetCacheForTests } from '@/lib/cache';
import { resetEnvForTests } from '@/lib/env';
import { findFreePort } from '@/db/embedded';
import { createBookableHost, createHost, inviteeFor } from '../factories';
import { defaultTestRedisUrl, redisForTests, startUpstashRestFake, type UpstashRestFake } from '../fakes/upstash-rest';
import { book, fetchAvailability } from './api';
import { connectTestDatabase } from './db-helpers';

// The cache only makes things faster: with Redis working, broken or absent, the answers are the same.

const database = connectTestDatabase();
const redisReachable = await redisForTests('cache tests');

function useUpstash(url: string | undefined, token: string | undefined) {
  if (url) process.env.UPSTASH_REDIS_REST_URL = url;
  else delete process.env.UPSTASH_REDIS_REST_URL;
  if (token) process.env.UPSTASH_REDIS_REST_TOKEN = token;
  else delete process.env.UPSTASH_REDIS_REST_TOKEN;
  resetEnvForTests();
  resetCacheForTests();
}

afterEach(() => useUpstash(undefined, undefined));

const dayQuery = (meetingTypeId: string) => ({ meetingTypeId, start: '2027-01-11', end: '2027-01-11', timezone: 'America/New_York' });
const TEN_AM = '2027-01-11T15:00:00.000Z';

describe('with Redis unreachable (configured, but nothing listens)', () => {
  it('still answers availability and bookings correctly, and still refuses a double booking', async () => {
    const deadPort = await findFreePort();
    useUpstash(`http://127.0.0.1:${deadPort}`, 'token');
    const { meetingType } = await createBookableHost(database);
    const before = await fetchAvailability(dayQuery(meetingType.id));
    expect(before.status).toBe(200);
    expect(before.body.slots.map((s) => s.start)).toContain(TEN_AM);
    expect((await book(inviteeFor(meetingType.id, TEN_AM))).status).toBe(201);
    expect((await book(inviteeFor(meetingType.id, TEN_AM))).status).toBe(409);
    const after = await fetchAvailability(dayQuery(meetingType.id));
    expect(after.body.slots.map((s) => s.start)).not.toContain(TEN_AM);
  });
});

describe.skipIf(!redisReachable)('with Redis through the Upstash REST API', () => {
  let fake: UpstashRestFake;
  beforeAll(async () => {
    fake = await startUpstashRestFake({ redisUrl: defaultTestRedisUrl });
  });
  afterAll(() => fake?.close());

  it('serves repeated availability from Redis and drops a booked slot at once (the host version moves)', async () => {
    useUpstash(fake.url, fake.token);
    const { meetingType } = await createBookableHost(database);
    await fetchAvailability(dayQuery(meetingType.id)); // computes and stores in Redis
    const requestsBefore = fake.requests;
    const cached = await fetchAvailability(dayQuery(meetingType.id));
    // A warm read is one Redis round trip (the host's version): the finished reply is this process's.
    expect(fake.requests - requestsBefore).toBe(1);
    expect(cached.body.slots.map((s) => s.start)).toContain(TEN_AM);
    // Another instance (no reply of its own) reads the entry from Redis: version + entry, same answer.
    forgetRepliesForTests();
    const fromRedisBefore = fake.requests;
    expect((await fetchAvailability(dayQuery(meetingType.id))).body).toEqual(cached.body);
    expect(fake.requests - fromRedisBefore).toBe(2);

    expect((await book(inviteeFor(meetingType.id, TEN_AM))).status).toBe(201);
    const fresh = await fetchAvailability(dayQuery(meetingType.id));
    expect(fresh.body.slots.map((s) => s.start)).not.toContain(TEN_AM);
  });

  it('takes the per-host lock in Redis: 20 concurrent requests for one slot make one booking', async () => {
    useUpstash(fake.url, fake.token);
    const { meetingType } = await createBookableHost(database);
    const replies = await Promise.all(Array.from({ length: 20 }, () => book(inviteeFor(meetingType.id, TEN_AM))));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(19);
  });

  it('throttles sign-in failures in Redis: of 20 parallel guesses from one client 10 are checked, and successes do not count', async () => {
    useUpstash(fake.url, fake.token);
    const host = await createHost(database, { passwordHash: await hashPassword('the right password') });
    const requestsBefore = fake.requests;
    const guess = (password: string) => verifyPasswordSignIn(database, { email: host.email, password, client: '192.0.2.150', now: Date.now() });
    for (let i = 0; i < 12; i++) expect(await guess('the right password')).toMatchObject({ ok: true });
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(`guess ${i}`)));
    expect(guesses.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10);
    expect(guesses.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(10);
    expect(fake.requests - requestsBefore).toBeGreaterThan(20); // counted in Redis, not in this process
  });

  it('keeps working correctly when Redis goes down mid-flight', async () => {
    useUpstash(fake.url, fake.token);
    const { meetingType } = await createBookableHost(database);
    await fetchAvailability(dayQuery(meetingType.id));
    await fetchAvailability(dayQuery(meetingType.id));
    fake.setDown(true);
    try {
      expect((await fetchAvailability(dayQuery(meetingType.id))).body.slots.map((s) => s.start)).toContain(TEN_AM);
      expect((await book(inviteeFor(meetingType.id, TEN_AM))).status).toBe(201);
      expect((await book(inviteeFor(meetingType.id, TEN_AM))).status).toBe(409);
      expect((await fetchAvailability(dayQuery(meetingType.id))).body.slots.map((s) => s.start)).not.toContain(TEN_AM);
    } finally {
      fake.setDown(false);
    }
  });
});
