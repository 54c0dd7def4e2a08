import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { getAvailableSlots } from '@/lib/availability';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { bumpHostVersion } from '@/lib/cache/host-version';
import { requireDatabaseUrl } from '@/lib/env';
import { localDateRangeToInterval } from '@/lib/scheduling';
import { createBookableHost, insertBookingRow } from '../factories';

const queries: string[] = [];
const counted = createDatabase(requireDatabaseUrl(), { max: 2, onQuery: (sql) => queries.push(sql) });
afterAll(() => counted.close());

describe('availability loading', () => {
  it('reads rules, overrides, bookings and busy time in at most 3 queries, and none when cached', async () => {
    const { host, meetingType } = await createBookableHost(counted);
    await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2027-01-11T15:00:00Z', end: '2027-01-11T15:30:00Z' });
    const store = createMemoryStore();
    const query = { meetingTypeId: meetingType.id, range: localDateRangeToInterval('2027-01-11', '2027-02-10', 'America/New_York'), now: Date.parse('2027-01-01T00:00:00Z') };

    const count = async () => {
      queries.length = 0;
      const slots = (await getAvailableSlots(counted, store, query)).toIntervals();
      return { queries: queries.length, slots };
    };
    const cold = await count();
    expect(cold.queries).toBeLessThanOrEqual(3);
    expect(cold.slots.map((s) => s.start)).not.toContain(Date.parse('2027-01-11T15:00:00Z'));
    expect((await count()).queries).toBeLessThanOrEqual(3); // computed again and stored
    const warm = await count();
    expect(warm.queries).toBe(0);
    expect(warm.slots).toEqual(cold.slots);

    await bumpHostVersion(store, host.id);
    expect((await count()).queries).toBeGreaterThan(0); // a new version is never answered from old entries
  });

  it('applies notice and horizon to cached slots at read time, as the clock moves', async () => {
    const { meetingType } = await createBookableHost(counted, { minNoticeMinutes: 24 * 60, maxDaysInFuture: 3 });
    const store = createMemoryStore();
    const range = localDateRangeToInterval('2027-01-11', '2027-01-22', 'America/New_York');
    const at = async (now: string) =>
      (await getAvailableSlots(counted, store, { meetingTypeId: meetingType.id, range, now: Date.parse(now) })).toIntervals();
    await at('2027-01-10T00:00:00Z');
    await at('2027-01-10T00:00:00Z'); // now cached
    const later = await at('2027-01-13T12:00:00Z');
    expect(Math.min(...later.map((s) => s.start))).toBeGreaterThanOrEqual(Date.parse('2027-01-14T12:00:00Z'));
    expect(Math.max(...later.map((s) => s.start))).toBeLessThan(Date.parse('2027-01-16T12:00:00Z'));
  });
});
