import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openingDates, type OpeningSlots } from '@/lib/availability/opening-dates';
import { availabilityQuerySchema } from '@/lib/availability/schemas';
import { addDays, localDateRangeToInterval, MS_PER_DAY } from '@/lib/scheduling';
import { PROPERTY_ZONES } from '@/lib/scheduling/test-fixtures';
import { bookableRange, monthOf } from './calendar-month';
import { localDateKey } from './format-time';
import { answerFromOpening } from './opening-slots';

// The page's opening slots must answer the picker's first month in every zone exactly as the API
// would: the same slots, on the same local dates, DST days included.

const ZONES = [
  ...PROPERTY_ZONES,
  'Pacific/Kiritimati', // UTC+14, the earliest date on Earth
  'Etc/GMT+12', // UTC−12, the latest
  'Pacific/Pago_Pago',
  'America/St_Johns',
  'America/Santiago', // DST starts at midnight: that date begins at 01:00
];
const zone = fc.constantFrom(...ZONES);
// 2000–2100, minute precision; slots in the tests sit on a 15-minute grid, as the engine's do.
const instant = fc.integer({ min: 946_684_800_000 / 60_000, max: 4_102_444_800_000 / 60_000 }).map((minute) => minute * 60_000);

/** The picker's first query: today in the invitee's zone to the end of its month (or the horizon). */
function firstQuery(now: number, timeZone: string, maxDaysInFuture: number) {
  const today = localDateKey(now, timeZone);
  const range = bookableRange(monthOf(today), today, addDays(today, maxDaysInFuture));
  return range && { meetingTypeId: '6b0b6a2e-2c4f-4c55-9a57-7f3a8d3c2b10', ...range, timezone: timeZone };
}

function openingWith(now: number, slotStarts: number[]): OpeningSlots {
  return { ...openingDates(now), slots: slotStarts.toSorted((a, b) => a - b).map((start) => [start, start + 30 * 60_000]) };
}

describe('the booking page’s opening slots', () => {
  it('asks the API for a valid range: at most 62 days, the same for every visitor of a UTC day', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const dates = openingDates(now);
        expect(availabilityQuerySchema.safeParse({ meetingTypeId: crypto.randomUUID(), ...dates, timezone: 'UTC' }).success).toBe(true);
        const startOfDay = Math.floor(now / MS_PER_DAY) * MS_PER_DAY;
        expect(openingDates(startOfDay + MS_PER_DAY - 1)).toEqual(dates);
      }),
    );
  });

  it('answers the picker’s first month in any zone, at any time, for any booking window', () => {
    fc.assert(
      fc.property(instant, zone, fc.integer({ min: 0, max: 730 }), (now, timeZone, maxDays) => {
        const query = firstQuery(now, timeZone, maxDays);
        expect(query).not.toBeNull();
        expect(answerFromOpening(openingWith(now, []), query!)).toEqual([]);
      }),
    );
  });

  it('keeps exactly the slots the API would send for the zone’s dates, DST days included', () => {
    const slotStarts = (now: number) =>
      fc.uniqueArray(fc.integer({ min: -3 * 96, max: 40 * 96 }).map((quarter) => Math.floor(now / 900_000) * 900_000 + quarter * 900_000), { maxLength: 40 });
    // Years near today: each zone × year builds the engine's offset table once, which is what costs here.
    const nearNow = fc.integer({ min: 1_735_689_600_000 / 60_000, max: 1_924_992_000_000 / 60_000 }).map((minute) => minute * 60_000);
    fc.assert(
      fc.property(
        nearNow.chain((now) => fc.tuple(fc.constant(now), slotStarts(now), zone, fc.integer({ min: 0, max: 60 }))),
        ([now, starts, timeZone, maxDays]) => {
          const opening = openingWith(now, starts);
          const query = firstQuery(now, timeZone, maxDays)!;
          // The API: slots starting from `start` 00:00 up to `end` 24:00 on the zone's wall clock.
          const range = localDateRangeToInterval(query.start, query.end, timeZone);
          const expected = opening.slots.filter(([start]) => start >= range.start && start < range.end).map(([start]) => new Date(start).toISOString());
          expect(answerFromOpening(opening, query)?.map((slot) => slot.start)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);

  it('counts a slot at 01:00 on a date whose midnight is skipped as that date’s', () => {
    // Chile moves 2027-09-05 00:00 to 01:00 (UTC−4 → UTC−3): the 5th starts at 04:00Z.
    const now = Date.parse('2027-09-02T12:00:00Z');
    const opening = openingWith(now, [Date.parse('2027-09-05T03:45:00Z'), Date.parse('2027-09-05T04:00:00Z')]);
    const fifth = answerFromOpening(opening, { ...firstQuery(now, 'America/Santiago', 60)!, start: '2027-09-05', end: '2027-09-05' });
    expect(fifth?.map((slot) => slot.start)).toEqual(['2027-09-05T04:00:00.000Z']);
  });

  it('sends the slots as the API does: ISO instants in UTC, end after start', () => {
    const now = Date.parse('2027-03-27T10:00:00Z');
    const opening = openingWith(now, [Date.parse('2027-03-29T07:00:00Z')]);
    expect(answerFromOpening(opening, firstQuery(now, 'Europe/Berlin', 60)!)).toEqual([
      { start: '2027-03-29T07:00:00.000Z', end: '2027-03-29T07:30:00.000Z' },
    ]);
  });

  it('leaves other months, reschedule links and a page without slots to the API', () => {
    const now = Date.parse('2027-01-12T10:00:00Z');
    const opening = openingWith(now, [Date.parse('2027-01-13T15:00:00Z')]);
    const query = firstQuery(now, 'America/New_York', 60)!;
    expect(answerFromOpening(opening, { ...query, start: '2027-02-01', end: '2027-02-28' })).toBeNull();
    expect(answerFromOpening(opening, { ...query, start: '2027-01-10' })).toBeNull();
    expect(answerFromOpening(opening, { ...query, rescheduleToken: 'token' })).toBeNull();
    expect(answerFromOpening(null, query)).toBeNull();
    expect(answerFromOpening(opening, query)).toHaveLength(1);
  });
});
