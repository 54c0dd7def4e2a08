import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { answerAvailability } from '@/lib/availability';
import { forgetRepliesForTests } from '@/lib/availability/reply-cache';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { bumpHostVersion } from '@/lib/cache/host-version';
import { requireDatabaseUrl } from '@/lib/env';
import { createBookableHost, insertBookingRow } from '../factories';

const queries: string[] = [];
const counted = createDatabase(requireDatabaseUrl(), { max: 2, onQuery: (sql) => queries.push(sql) });
afterAll(() => counted.close());
beforeEach(() => forgetRepliesForTests());

const search = (meetingTypeId: string, start: string, end: string, timezone = 'America/New_York') =>
  new URLSearchParams({ meetingTypeId, start, end, timezone }).toString();

async function slotStarts(deps: Parameters<typeof answerAvailability>[0], query: string, now: string): Promise<number[]> {
  const { body } = await answerAvailability(deps, query, Date.parse(now));
  const reply = JSON.parse(new TextDecoder().decode(body)) as { slots: { start: string }[] };
  return reply.slots.map((slot) => Date.parse(slot.start));
}

describe('availability loading', () => {
  it('reads the meeting type, then rules, overrides, bookings and busy time in at most 3 queries, and none when warm', async () => {
    const { host, meetingType } = await createBookableHost(counted);
    await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2027-01-11T15:00:00Z', end: '2027-01-11T15:30:00Z' });
    const deps = { database: counted, store: createMemoryStore() };
    const query = search(meetingType.id, '2027-01-11', '2027-02-10');

    const count = async () => {
      queries.length = 0;
      const slots = await slotStarts(deps, query, '2027-01-01T00:00:00Z');
      return { queries: queries.length, slots };
    };
    const cold = await count();
    expect(cold.queries).toBeLessThanOrEqual(3);
    expect(cold.slots).not.toContain(Date.parse('2027-01-11T15:00:00Z'));
    const warm = await count();
    expect(warm.queries).toBe(0);
    expect(warm.slots).toEqual(cold.slots);

    await bumpHostVersion(deps.store, host.id);
    expect((await count()).queries).toBeGreaterThan(0); // a new version is never answered from old entries
  });

  it('applies notice and horizon to cached slots at read time, as the clock moves', async () => {
    const { meetingType } = await createBookableHost(counted, { minNoticeMinutes: 24 * 60, maxDaysInFuture: 3 });
    const deps = { database: counted, store: createMemoryStore() };
    const query = search(meetingType.id, '2027-01-11', '2027-01-22');
    await slotStarts(deps, query, '2027-01-10T00:00:00Z');
    await slotStarts(deps, query, '2027-01-10T00:00:00Z'); // now cached
    const later = await slotStarts(deps, query, '2027-01-13T12:00:00Z');
    expect(Math.min(...later)).toBeGreaterThanOrEqual(Date.parse('2027-01-14T12:00:00Z'));
    expect(Math.max(...later)).toBeLessThan(Date.parse('2027-01-16T12:00:00Z'));
    // The horizon moved past what the first answer computed: the later days are there, not just cut.
    expect(later.some((start) => start >= Date.parse('2027-01-15T14:00:00Z'))).toBe(true);
  });

  it('never computes or caches a range outside the booking window: no schedule query, and an empty reply', async () => {
    const { meetingType } = await createBookableHost(counted, { maxDaysInFuture: 14 });
    const deps = { database: counted, store: createMemoryStore() };
    queries.length = 0;
    const starts = await slotStarts(deps, search(meetingType.id, '2027-03-01', '2027-03-31'), '2027-01-01T00:00:00Z');
    expect(starts).toEqual([]);
    expect(queries).toHaveLength(1); // the meeting type's window, nothing more
    expect(queries[0]).toMatch(/from "meeting_types"/);
  });

  it('refuses a range wholly outside [yesterday, the longest window] before touching the database', async () => {
    const deps = { database: counted, store: createMemoryStore() };
    for (const [start, end] of [['2020-01-06', '2020-01-10'], ['2199-01-01', '2199-01-31']] as const) {
      queries.length = 0;
      await expect(answerAvailability(deps, search(crypto.randomUUID(), start, end), Date.parse('2027-01-01T00:00:00Z'))).rejects.toMatchObject({
        code: 'invalid_request',
        details: { reason: 'range_out_of_bounds' },
      });
      expect(queries).toHaveLength(0);
    }
  });
});

describe('availability with a read replica', () => {
  const unusable = new Proxy({}, { get: () => { throw new Error('the replica was used'); } }) as Parameters<typeof answerAvailability>[0]['database'];

  it('reads from the primary whatever it will cache (a lagging replica must not fill a new version)', async () => {
    const { meetingType } = await createBookableHost(counted);
    const deps = { database: counted, replica: unusable, store: createMemoryStore() };
    expect((await slotStarts(deps, search(meetingType.id, '2027-01-11', '2027-01-12'), '2027-01-01T00:00:00Z')).length).toBeGreaterThan(0);
  });
});
