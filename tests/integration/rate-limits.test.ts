import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetRateLimitsForTests } from '@/lib/cache/rate-limit';
import { resetEnvForTests } from '@/lib/env';
import { createBookableHost, inviteeFor } from '../factories';
import { book, fetchAvailability } from './api';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

function setLimits(availability: string, bookings: string) {
  process.env.RATE_LIMIT_AVAILABILITY_PER_MINUTE = availability;
  process.env.RATE_LIMIT_BOOKINGS_PER_MINUTE = bookings;
  resetEnvForTests();
  resetRateLimitsForTests();
}

beforeEach(() => setLimits('3', '2'));
afterEach(() => setLimits('0', '0'));

const from = (address: string) => ({ 'x-forwarded-for': address });

describe('rate limits', () => {
  it('answers the request over the booking limit with 429 and Retry-After, and nothing is stored', async () => {
    const { meetingType } = await createBookableHost(database);
    const starts = ['2027-01-11T15:00:00.000Z', '2027-01-11T16:00:00.000Z', '2027-01-11T17:00:00.000Z'];
    const replies = [];
    for (const start of starts) replies.push(await book(inviteeFor(meetingType.id, start), from('203.0.113.7')));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 429]);
    const limited = replies[2]!;
    expect(limited.body.error?.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each client separately', async () => {
    const { meetingType } = await createBookableHost(database);
    const query = { meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11', timezone: 'UTC' };
    for (let i = 0; i < 3; i++) expect((await fetchAvailability(query, from('198.51.100.1'))).status).toBe(200);
    expect((await fetchAvailability(query, from('198.51.100.1'))).status).toBe(429);
    expect((await fetchAvailability(query, from('198.51.100.2'))).status).toBe(200);
  });

  it('turns a limit off with 0', async () => {
    setLimits('0', '2');
    const { meetingType } = await createBookableHost(database);
    const query = { meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11', timezone: 'UTC' };
    for (let i = 0; i < 10; i++) expect((await fetchAvailability(query, from('192.0.2.9'))).status).toBe(200);
  });
});

describe('rate limits for IPv6 clients', () => {
  it('counts every address of one /64 as the same client, and the next /64 separately', async () => {
    const { meetingType } = await createBookableHost(database);
    const query = { meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11', timezone: 'UTC' };
    const sameNetwork = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:0db8:0001:0002:ffff::9'];
    for (const address of sameNetwork) expect((await fetchAvailability(query, from(address))).status).toBe(200);
    expect((await fetchAvailability(query, from('2001:db8:1:2:abcd::77'))).status).toBe(429);
    expect((await fetchAvailability(query, from('2001:db8:1:3::1'))).status).toBe(200);
  });
});
