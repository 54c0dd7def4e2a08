import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_MINUTE } from './calendar-date';
import { blockedRangeOf, mergeBlockedRanges, type MergedRanges } from './intervals';
import type { BookedRange, Interval } from './types';

// mergeBlockedRanges has two paths: lists already ascending by (blocked) start, as the schedule loader
// sends them, are merged and swept; any other order is sorted. Both must give the same union, and
// that union must be the plain one.

const instantArb = fc.integer({ min: 0, max: 2000 }).map((minute) => minute * MS_PER_MINUTE);
const intervalArb: fc.Arbitrary<Interval> = fc
  .tuple(instantArb, fc.integer({ min: -10, max: 300 }))
  .map(([start, minutes]) => ({ start, end: start + minutes * MS_PER_MINUTE }));
const bookingArb: fc.Arbitrary<BookedRange> = fc
  .tuple(intervalArb, fc.constantFrom(0, 5, 15), fc.constantFrom(0, 10))
  .map(([range, bufferBeforeMinutes, bufferAfterMinutes]) => ({ ...range, bufferBeforeMinutes, bufferAfterMinutes, meetingTypeId: 'mt' }));
const withinArb: fc.Arbitrary<Interval> = fc.tuple(instantArb, instantArb).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) + MS_PER_MINUTE }));

const byStart = (a: Interval, b: Interval) => a.start - b.start;
const byBlockedStart = (a: BookedRange, b: BookedRange) => blockedRangeOf(a).start - blockedRangeOf(b).start;
const pairs = (ranges: MergedRanges) => Array.from(ranges.starts, (start, i) => [start, ranges.ends[i]]);

/** The union by the book: sort whole ranges by start, join each that starts at or before the open one's end. */
function referenceUnion(busy: Interval[], bookings: BookedRange[], within: Interval): number[][] {
  const ranges = [...busy, ...bookings.map(blockedRangeOf)]
    .filter((range) => range.end > range.start && range.end > within.start && range.start < within.end)
    .sort(byStart);
  const union: number[][] = [];
  for (const { start, end } of ranges) {
    const open = union.at(-1);
    if (open && start <= open[1]!) open[1] = Math.max(open[1]!, end);
    else union.push([start, end]);
  }
  return union;
}

describe('mergeBlockedRanges', () => {
  it('gives the same union for lists in any order as for lists ascending by start, and both are the plain union', () => {
    fc.assert(
      fc.property(fc.array(intervalArb, { maxLength: 40 }), fc.array(bookingArb, { maxLength: 40 }), withinArb, (busy, bookings, within) => {
        const expected = referenceUnion(busy, bookings, within);
        const ascending = mergeBlockedRanges([...busy].sort(byStart), [...bookings].sort(byBlockedStart), within);
        const asGiven = mergeBlockedRanges(busy, bookings, within);
        const reversed = mergeBlockedRanges([...busy].sort(byStart).reverse(), [...bookings].sort(byBlockedStart).reverse(), within);
        expect(pairs(ascending)).toEqual(expected);
        expect(pairs(asGiven)).toEqual(expected);
        expect(pairs(reversed)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('joins ranges that touch and keeps apart ranges with a gap, on the ascending path', () => {
    const minutes = (start: number, end: number): Interval => ({ start: start * MS_PER_MINUTE, end: end * MS_PER_MINUTE });
    const merged = mergeBlockedRanges([minutes(0, 10), minutes(10, 20), minutes(21, 30)], [], minutes(0, 100));
    expect(pairs(merged)).toEqual([
      [0, 20 * MS_PER_MINUTE],
      [21 * MS_PER_MINUTE, 30 * MS_PER_MINUTE],
    ]);
  });
});
