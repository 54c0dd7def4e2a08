import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { calendarConnections, externalBusy } from '@/db/schema';
import { answerAvailability } from '@/lib/availability';
import { forgetRepliesForTests } from '@/lib/availability/reply-cache';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { requireDatabaseUrl, resetEnvForTests } from '@/lib/env';
import { createBookableHost, createMeetingType, createOverride, insertBookingRow } from '../factories';

// With SLOT_CACHE_TTL_SECONDS=0 availability reads the head and the schedule in one query over the
// requested days (not the head first, then the span the window leaves). The replies must be the very
// bytes the cached path gives, for any range, zone and clock.

const queries: string[] = [];
const counted = createDatabase(requireDatabaseUrl(), { max: 2, onQuery: (sql) => queries.push(sql) });
const savedTtl = process.env.SLOT_CACHE_TTL_SECONDS;
afterAll(() => counted.close());
afterEach(() => {
  if (savedTtl === undefined) delete process.env.SLOT_CACHE_TTL_SECONDS;
  else process.env.SLOT_CACHE_TTL_SECONDS = savedTtl;
  resetEnvForTests();
});

const search = (meetingTypeId: string, start: string, end: string, timezone: string) => new URLSearchParams({ meetingTypeId, start, end, timezone }).toString();

async function replyWith(ttlSeconds: number, query: string, now: number): Promise<string> {
  process.env.SLOT_CACHE_TTL_SECONDS = String(ttlSeconds);
  resetEnvForTests();
  forgetRepliesForTests();
  const { body } = await answerAvailability({ database: counted, store: createMemoryStore() }, query, now);
  return new TextDecoder().decode(body);
}

/** The reply, or the error's code and details (a range before yesterday is refused on both paths). */
const outcomeWith = (ttlSeconds: number, query: string, now: number): Promise<string> =>
  replyWith(ttlSeconds, query, now).catch((error: { code?: string; details?: unknown }) => `error ${error.code} ${JSON.stringify(error.details)}`);

async function addBusy(hostUserId: string, ranges: [string, string][]): Promise<void> {
  const [connection] = await counted.insert(calendarConnections).values({ userId: hostUserId, provider: 'ics', accountEmail: `${hostUserId}@example.test` }).returning();
  await counted.insert(externalBusy).values(
    ranges.map(([start, end], i) => ({ connectionId: connection!.id, userId: hostUserId, startTime: new Date(start), endTime: new Date(end), sourceEventId: `evt-${i}` })),
  );
}

const ranges: [string, string, string][] = [
  ['2027-01-10', '2027-01-20', 'America/New_York'],
  ['2027-01-11', '2027-01-11', 'Asia/Tokyo'],
  ['2027-01-05', '2027-02-28', 'Pacific/Kiritimati'],
  ['2027-03-01', '2027-03-20', 'UTC'],
];
const clocks = ['2027-01-08T00:00:00Z', '2027-01-11T15:07:00Z', '2027-01-19T23:59:00Z'].map(Date.parse);

describe('availability with the slot cache off', () => {
  it('answers with the same bytes as the cached path: bookings with buffers, other meeting types, busy time, overrides, daily limit, notice and horizon', async () => {
    const { host, meetingType } = await createBookableHost(counted, { minNoticeMinutes: 90, maxDaysInFuture: 20, maxBookingsPerDay: 3, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 });
    const other = await createMeetingType(counted, host.id, { maxDaysInFuture: 730 });
    await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2027-01-12T15:00:00Z', end: '2027-01-12T15:30:00Z', bufferBeforeMinutes: 15, bufferAfterMinutes: 0 });
    for (const hour of [14, 16, 18]) {
      await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: meetingType.id, start: `2027-01-14T${hour}:00:00Z`, end: `2027-01-14T${hour}:30:00Z` });
    }
    // The host's other meeting type: it blocks time, but does not count toward this one's daily limit.
    await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: other.id, start: '2027-01-15T15:00:00Z', end: '2027-01-15T16:00:00Z', bufferAfterMinutes: 30 });
    await addBusy(host.id, [
      ['2027-01-13T16:10:00Z', '2027-01-13T16:20:00Z'],
      ['2027-01-13T15:00:00Z', '2027-01-13T17:00:00Z'],
      ['2027-01-11T19:55:00Z', '2027-01-11T20:05:00Z'],
      ['2027-01-15T14:00:00Z', '2027-01-15T14:45:00Z'],
    ]);
    await createOverride(counted, host.id, '2027-01-18', null);
    await createOverride(counted, host.id, '2027-01-16', { start: '10:00', end: '12:00' });

    let answered = 0;
    for (const [start, end, zone] of ranges) {
      for (const now of clocks) {
        const query = search(meetingType.id, start, end, zone);
        const cached = await outcomeWith(600, query, now);
        if (cached.includes('"start"')) answered++; // a reply with slots
        expect(await outcomeWith(0, query, now), `${start}..${end} ${zone} at ${new Date(now).toISOString()}`).toBe(cached);
      }
    }
    expect(answered).toBeGreaterThanOrEqual(6);
  });

  it('answers a group event with the same seats left as the cached path', async () => {
    const { host, meetingType } = await createBookableHost(counted, { seatsPerSlot: 3, maxBookingsPerDay: 2 });
    for (let seat = 0; seat < 2; seat++) {
      await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2027-01-12T15:00:00Z', end: '2027-01-12T15:30:00Z', seated: true });
    }
    await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2027-01-12T17:00:00Z', end: '2027-01-12T17:30:00Z', seated: true });
    const query = search(meetingType.id, '2027-01-11', '2027-01-14', 'America/New_York');
    const uncached = await replyWith(0, query, clocks[0]!);
    expect(uncached).toContain('"seatsLeft":1');
    expect(uncached).toBe(await replyWith(600, query, clocks[0]!));
  });

  it('reads in one query, and refuses an unknown or switched-off meeting type as the cached path does', async () => {
    const { meetingType } = await createBookableHost(counted);
    queries.length = 0;
    await replyWith(0, search(meetingType.id, '2027-01-11', '2027-01-12', 'UTC'), clocks[0]!);
    expect(queries).toHaveLength(1);

    const { meetingType: off } = await createBookableHost(counted, { isActive: false });
    for (const id of [crypto.randomUUID(), off.id]) {
      for (const ttl of [0, 600]) {
        await expect(replyWith(ttl, search(id, '2027-01-11', '2027-01-12', 'UTC'), clocks[0]!)).rejects.toMatchObject({ code: 'not_found' });
      }
    }
  });
});
