import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bookableRange, monthOf } from '@/components/booking/calendar-month';
import { localDateKey } from '@/components/booking/format-time';
import { answerFromOpening } from '@/components/booking/opening-slots';
import { createDatabase } from '@/db/client';
import { answerAvailability, answerOpeningSlots } from '@/lib/availability';
import { forgetRepliesForTests } from '@/lib/availability/reply-cache';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { requireDatabaseUrl } from '@/lib/env';
import { addDays } from '@/lib/scheduling';
import { createBookableHost, insertBookingRow } from '../factories';

// The booking page renders its first month from the availability service, for a zone it does not
// know: what the browser keeps must be exactly what the API answers that browser's first request.

const queries: string[] = [];
const counted = createDatabase(requireDatabaseUrl(), { max: 2, onQuery: (sql) => queries.push(sql) });
afterAll(() => counted.close());
beforeEach(() => forgetRepliesForTests());

// A Sunday evening in New York, when UTC+14 is already in February and UTC−12 still on Sunday morning.
const NOW = Date.parse('2027-01-31T20:00:00Z');

function firstQuery(meetingTypeId: string, timezone: string, maxDaysInFuture: number) {
  const today = localDateKey(NOW, timezone);
  const range = bookableRange(monthOf(today), today, addDays(today, maxDaysInFuture));
  if (!range) throw new Error('no bookable range');
  return { meetingTypeId, ...range, timezone };
}

async function apiSlots(deps: Parameters<typeof answerAvailability>[0], query: Record<string, string>) {
  const { body } = await answerAvailability(deps, new URLSearchParams(query).toString(), NOW);
  return (JSON.parse(new TextDecoder().decode(body)) as { slots: { start: string; end: string }[] }).slots;
}

describe('the booking page’s opening slots', () => {
  it('hold, for every zone, exactly what the API answers that zone’s first month', async () => {
    const { host, meetingType } = await createBookableHost(counted, { maxDaysInFuture: 60 });
    await insertBookingRow(counted, { hostUserId: host.id, meetingTypeId: meetingType.id, start: '2027-02-01T15:00:00Z', end: '2027-02-01T15:30:00Z' });
    const deps = { database: counted, store: createMemoryStore() };
    const opening = await answerOpeningSlots(deps, meetingType.id, NOW);
    expect(opening).not.toBeNull();

    let nonEmpty = 0;
    for (const zone of ['America/New_York', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Asia/Kathmandu', 'Europe/Berlin', 'Australia/Lord_Howe']) {
      const query = firstQuery(meetingType.id, zone, meetingType.maxDaysInFuture);
      const fromPage = answerFromOpening(opening, query);
      expect(fromPage, zone).toEqual(await apiSlots(deps, query));
      if (fromPage!.length > 0) nonEmpty += 1;
    }
    // February's first Monday, minus the booked 10:00: Kiritimati's first month is February.
    expect(nonEmpty).toBeGreaterThan(0);
    const kiritimati = answerFromOpening(opening, firstQuery(meetingType.id, 'Pacific/Kiritimati', 60))!;
    expect(kiritimati.map((slot) => slot.start)).toContain('2027-02-01T14:30:00.000Z');
    expect(kiritimati.map((slot) => slot.start)).not.toContain('2027-02-01T15:00:00.000Z');
  });

  it('are one reply-cache entry for every page view of the day: a second view reads only the host’s version', async () => {
    const { meetingType } = await createBookableHost(counted);
    const deps = { database: counted, store: createMemoryStore() };
    const first = await answerOpeningSlots(deps, meetingType.id, NOW);
    queries.length = 0;
    expect(await answerOpeningSlots(deps, meetingType.id, NOW + 60_000)).toEqual({ ...first, slots: first!.slots.filter(([start]) => start >= NOW + 60_000) });
    expect(queries).toEqual([]);
  });

  it('are null, not an error, when the meeting type is gone or switched off: the page renders and the browser asks', async () => {
    const { meetingType } = await createBookableHost(counted, { isActive: false });
    const deps = { database: counted, store: createMemoryStore() };
    expect(await answerOpeningSlots(deps, meetingType.id, NOW)).toBeNull();
    expect(await answerOpeningSlots(deps, crypto.randomUUID(), NOW)).toBeNull();
  });
});
