import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotList } from './slot-list';

const toJsonArray = (list: SlotList) => new TextDecoder().decode(list.toJsonArrayBytes());

const HALF_HOUR = 1_800_000;
const pairsFrom = (starts: number[]) => starts.map((start) => [start, start + HALF_HOUR] as const);

describe('SlotList', () => {
  it('keeps exactly the slots whose start lies in [min, max), for any cut', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 }).map((xs) => xs.sort((a, b) => a - b)),
        fc.integer({ min: -10, max: 10_010 }),
        fc.integer({ min: -10, max: 10_010 }),
        (starts, min, max) => {
          const list = SlotList.fromPairs(pairsFrom(starts));
          const expected = starts.filter((s) => s >= min && s < max);
          const cut = list.between(min, max);
          expect(cut.toIntervals().map((slot) => slot.start)).toEqual(expected);
          expect(cut.length).toBe(expected.length);
          // A view of a view narrows further and never widens.
          expect(cut.between(min - 100, max + 100).toIntervals()).toEqual(cut.toIntervals());
        },
      ),
    );
  });

  it('writes the bytes JSON.stringify and TextEncoder would, for any slots and cut, also outside years 1000–9999', () => {
    const instant = fc.oneof(fc.integer({ min: 0, max: Date.parse('2199-12-31T23:59:59.999Z') }), fc.integer({ min: -8.64e15 + 1e11, max: 8.64e15 - 1e11 }));
    fc.assert(
      fc.property(fc.uniqueArray(instant, { maxLength: 40 }), fc.integer({ min: 1, max: 1e10 }), fc.nat(40), fc.nat(40), (raw, length, from, count) => {
        const starts = raw.sort((a, b) => a - b);
        const list = SlotList.fromPairs(starts.map((start) => [start, start + length] as const));
        const cut = starts.length === 0 ? list : list.between(starts[Math.min(from, starts.length - 1)]!, starts[Math.min(from + count, starts.length - 1)]!);
        const expected = cut.toIntervals().map((slot) => ({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() }));
        expect(Buffer.from(cut.toJsonArrayBytes()).equals(Buffer.from(new TextEncoder().encode(JSON.stringify(expected))))).toBe(true);
      }),
    );
  });

  it('serialises a view exactly as JSON.stringify would, with ISO-8601 UTC instants', () => {
    const starts = [Date.parse('2027-01-11T14:00:00Z'), Date.parse('2027-01-11T14:15:00Z'), Date.parse('2027-01-11T14:30:00Z')];
    const list = SlotList.fromPairs(pairsFrom(starts));
    const view = list.between(starts[1]!, Number.POSITIVE_INFINITY);
    const expected = view.toIntervals().map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() }));
    expect(toJsonArray(view)).toBe(JSON.stringify(expected));
    expect(toJsonArray(list)).toContain('"start":"2027-01-11T14:00:00.000Z","end":"2027-01-11T14:30:00.000Z"');
    expect(toJsonArray(list.between(0, 0))).toBe('[]');
  });

  it('holds the same slots built straight from the engine as through tuples, with and without seats', () => {
    const slotArb = fc.record({ start: fc.integer({ min: 0, max: 1e12 }), length: fc.integer({ min: 1, max: 1e7 }), seatsLeft: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 40 }), fc.boolean(), (raw, seated) => {
        const slots = raw
          .sort((a, b) => a.start - b.start)
          .map(({ start, length, seatsLeft }) => (seated ? { start, end: start + length, seatsLeft } : { start, end: start + length }));
        const direct = SlotList.fromOffered(slots);
        const viaTuples = SlotList.fromPairs(SlotList.tuplesOf(slots));
        expect(direct.toIntervals()).toEqual(slots);
        expect(viaTuples.toIntervals()).toEqual(slots);
        expect(Buffer.from(direct.toJsonArrayBytes()).equals(Buffer.from(viaTuples.toJsonArrayBytes()))).toBe(true);
      }),
    );
  });
});
