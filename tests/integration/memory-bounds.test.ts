import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetRepliesForTests, replyCacheUsage } from '@/lib/availability/reply-cache';
import { cacheStore } from '@/lib/cache';
import type { createMemoryStore } from '@/lib/cache/memory-store';
import { LOCAL_WINDOWS_BUDGET_BYTES, localRateLimitBytes } from '@/lib/cache/rate-limit';
import { addDays } from '@/lib/scheduling';
import { ZONE_TABLE_BUDGET_BYTES, zoneOffsetTableBytes } from '@/lib/scheduling/zone-offsets';
import { createBookableHost } from '../factories';
import { fetchAvailability } from './api';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';

// Valid input must not grow the process: thousands of spellings of a few zones and thousands of
// ranges leave every in-process cache under its byte budget (a leak here once took 770 MB).

const database = connectTestDatabase();
const BUDGET = 256 * 1024;
const zones = ['America/Argentina/ComodRivadavia', 'Europe/Berlin', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Sao_Paulo', 'Australia/Lord_Howe'];

function setBudgets(values: Record<string, string | undefined>) {
  setTestEnv(values);
  forgetRepliesForTests();
}

beforeAll(() => setBudgets({ AVAILABILITY_REPLY_CACHE_MAX_BYTES: String(BUDGET), CACHE_MEMORY_MAX_BYTES: String(BUDGET), RATE_LIMIT_AVAILABILITY_PER_MINUTE: '100000' }));
afterAll(() => setBudgets({ AVAILABILITY_REPLY_CACHE_MAX_BYTES: undefined, CACHE_MEMORY_MAX_BYTES: undefined, RATE_LIMIT_AVAILABILITY_PER_MINUTE: '0' }));

/** The same zone name with each letter's case chosen by the bits of `variant`. */
function spelling(zone: string, variant: number): string {
  let bit = 0;
  return Array.from(zone, (char) => (/[a-z]/i.test(char) ? ((variant >> bit++ % 30) & 1 ? char.toUpperCase() : char.toLowerCase()) : char)).join('');
}

describe('bounded memory under valid input', () => {
  it('keeps every cache under its byte budget across 3,000 distinct zone spellings, ranges and clients', async () => {
    const { meetingType } = await createBookableHost(database, { maxDaysInFuture: 60 });
    const today = new Date().toISOString().slice(0, 10);
    const requests = fc.sample(
      fc.record({ zone: fc.constantFrom(...zones), variant: fc.nat(), offset: fc.integer({ min: 0, max: 58 }), length: fc.integer({ min: 0, max: 30 }) }),
      { numRuns: 3_000, seed: 42 },
    );
    const timezones = new Set<string>();
    for (const [i, request] of requests.entries()) {
      const start = addDays(today, request.offset);
      const reply = await fetchAvailability(
        { meetingTypeId: meetingType.id, start, end: addDays(start, request.length), timezone: spelling(request.zone, request.variant) },
        // Every request from another client: the rate limiter's windows must stay bounded too.
        { 'x-forwarded-for': `2001:db8:${(i >> 16) & 0xffff}:${i & 0xffff}::1` },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      timezones.add((reply.body as unknown as { timezone: string }).timezone);
    }
    expect(timezones.size).toBeLessThanOrEqual(zones.length); // one canonical name per zone, whatever the spelling
    const replies = replyCacheUsage();
    expect(replies.maxBytes).toBe(BUDGET);
    expect(replies.bytes).toBeGreaterThan(0);
    expect(replies.bytes).toBeLessThanOrEqual(BUDGET);
    expect((cacheStore() as ReturnType<typeof createMemoryStore>).bytes()).toBeLessThanOrEqual(BUDGET);
    expect(zoneOffsetTableBytes()).toBeLessThanOrEqual(ZONE_TABLE_BUDGET_BYTES);
    expect(localRateLimitBytes()).toBeGreaterThan(0);
    expect(localRateLimitBytes()).toBeLessThanOrEqual(LOCAL_WINDOWS_BUDGET_BYTES);
  }, 240_000);
});
