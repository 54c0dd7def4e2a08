import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalDate, MS_PER_DAY, MS_PER_MINUTE, parseLocalDate } from './calendar-date';
import { computeSlots } from './compute-slots';
import { explainSlots } from './explain-slots';
import { blockedRangeOf, overlaps } from './intervals';
import { computeOfferedSlots, validateOfferedSlot } from './seats';
import { localDateOf, localDateRangeToInterval } from './time';
import { at, everyDay, meetingPolicy, PROPERTY_ZONES, schedule } from './test-fixtures';
import type { BookedRange, Interval, ScheduleInput } from './types';
import { validateSlot } from './validate-slot';

const GROUP = 'group-class';
const MS = MS_PER_MINUTE;

/** `taken` seats of the group event at `start`. */
function seats(start: number, taken: number, durationMinutes: number, buffers: { before?: number; after?: number } = {}): BookedRange[] {
  return Array.from({ length: taken }, () => ({
    start,
    end: start + durationMinutes * MS,
    bufferBeforeMinutes: buffers.before ?? 0,
    bufferAfterMinutes: buffers.after ?? 0,
    meetingTypeId: GROUP,
    seated: true,
  }));
}

describe('seats in the engine (examples)', () => {
  const base = schedule({
    timeZone: 'UTC',
    rules: everyDay('09:00', '12:00'),
    meetingType: meetingPolicy({ id: GROUP, durationMinutes: 60, slotIntervalMinutes: 30, seatsPerSlot: 3 }),
    now: at('2030-01-01T00:00:00Z'),
  });
  const day = { start: at('2030-01-07T00:00:00Z'), end: at('2030-01-08T00:00:00Z') };
  const ten = at('2030-01-07T10:00:00Z');

  it('keeps offering an occasion while seats remain, with the seats left, and hides the starts it overlaps', () => {
    const input = { ...base, bookings: seats(ten, 2, 60) };
    const offered = computeOfferedSlots(input, day);
    expect(offered.map((slot) => [new Date(slot.start).toISOString().slice(11, 16), slot.seatsLeft])).toEqual([
      ['09:00', 3],
      ['10:00', 1],
      ['11:00', 3],
    ]);
    expect(validateOfferedSlot(input, ten)).toMatchObject({ ok: true, seatsLeft: 1 });
    expect(validateOfferedSlot(input, at('2030-01-07T10:30:00Z'))).toEqual({ ok: false, reason: 'busy' });
  });

  it('calls a start whose occasion has no seat left full, and drops it from the offer', () => {
    const input = { ...base, bookings: seats(ten, 3, 60) };
    expect(computeOfferedSlots(input, day).map((slot) => slot.start)).not.toContain(ten);
    expect(validateOfferedSlot(input, ten)).toEqual({ ok: false, reason: 'full' });
  });

  it('lets another meeting type see an occasion as one busy booking', () => {
    const other = { ...base, meetingType: meetingPolicy({ id: 'other', durationMinutes: 60, slotIntervalMinutes: 30 }), bookings: seats(ten, 1, 60) };
    expect(validateSlot(other, ten)).toEqual({ ok: false, reason: 'busy' });
    expect(computeOfferedSlots(other, day).every((slot) => slot.seatsLeft === undefined && !overlaps(slot, { start: ten, end: ten + 60 * MS }))).toBe(true);
  });

  it('counts occasions, not seats, toward a daily limit, and still fills the occasions a full day has', () => {
    const limited = { ...base, meetingType: { ...base.meetingType, maxBookingsPerDay: 1 }, bookings: seats(ten, 2, 60) };
    expect(computeOfferedSlots(limited, day).map((slot) => [slot.start, slot.seatsLeft])).toEqual([[ten, 1]]);
    expect(validateOfferedSlot(limited, at('2030-01-07T11:00:00Z'))).toEqual({ ok: false, reason: 'daily_limit' });
  });

  it('does not seat an invitee over an ordinary booking of the same type made before it became a group event', () => {
    const unseated = seats(ten, 1, 60).map((booking) => ({ ...booking, seated: false }));
    expect(validateOfferedSlot({ ...base, bookings: unseated }, ten)).toEqual({ ok: false, reason: 'busy' });
  });
});

// Properties: over zones and random schedules, the seat-aware step agrees with itself and with the
// plain engine, counts seats exactly, and never lets a start overlap someone else's time.
const FIRST_DAY = parseLocalDate('2026-01-01');

interface Scenario {
  input: ScheduleInput;
  range: Interval;
  /** Picks of occasion starts among the free slots (fractions of the list) and their seats taken. */
  picks: { at: number; taken: number }[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    timeZone: fc.constantFrom(...PROPERTY_ZONES),
    firstDay: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 900 }),
    open: fc.integer({ min: 0, max: 10 }),
    hours: fc.integer({ min: 2, max: 10 }),
    durationMinutes: fc.constantFrom(30, 45, 60, 90),
    slotIntervalMinutes: fc.constantFrom(null, 15, 30, 60),
    bufferBeforeMinutes: fc.constantFrom(0, 10),
    bufferAfterMinutes: fc.constantFrom(0, 15),
    seatsPerSlot: fc.integer({ min: 2, max: 6 }),
    busy: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 1440 }), fc.integer({ min: 5, max: 120 })), { maxLength: 6 }),
    picks: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), taken: fc.integer({ min: 1, max: 6 }) }), { maxLength: 6 }),
  })
  .map((drawn) => {
    const origin = drawn.firstDay * MS_PER_DAY;
    const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
    const input: ScheduleInput = schedule({
      timeZone: drawn.timeZone,
      rules: everyDay(pad(drawn.open), pad(Math.min(24, drawn.open + drawn.hours))),
      busy: drawn.busy.map(([offset, length]) => ({ start: origin + offset * MS, end: origin + (offset + length) * MS })),
      meetingType: meetingPolicy({
        id: GROUP,
        durationMinutes: drawn.durationMinutes,
        slotIntervalMinutes: drawn.slotIntervalMinutes,
        bufferBeforeMinutes: drawn.bufferBeforeMinutes,
        bufferAfterMinutes: drawn.bufferAfterMinutes,
        seatsPerSlot: drawn.seatsPerSlot,
      }),
      now: origin - MS_PER_DAY,
    });
    return { input, range: { start: origin, end: origin + 3 * MS_PER_DAY }, picks: drawn.picks };
  });

/** Occasions at some of the free starts, kept only while they do not overlap one another (as the database insists). */
function withOccasions({ input, range, picks }: Scenario): { input: ScheduleInput; taken: Map<number, number> } {
  const free = computeSlots(input, range);
  const taken = new Map<number, number>();
  const bookings: BookedRange[] = [];
  const policy = input.meetingType;
  for (const pick of picks) {
    const slot = free[Math.floor(pick.at * free.length)];
    if (!slot || taken.has(slot.start)) continue;
    const occasion = seats(slot.start, Math.min(pick.taken, policy.seatsPerSlot ?? 1), policy.durationMinutes, {
      before: policy.bufferBeforeMinutes,
      after: policy.bufferAfterMinutes,
    });
    const range = blockedRangeOf(occasion[0]!);
    if (bookings.some((booking) => overlaps(blockedRangeOf(booking), range))) continue;
    bookings.push(...occasion);
    taken.set(slot.start, occasion.length);
  }
  return { input: { ...input, bookings }, taken };
}

const RUNS = { numRuns: 80 };
/** The machine is shared: a property run may take longer than vitest's 5 s default. */
const TIMEOUT_MS = 30_000;

describe('seats in the engine (properties)', () => {
  it('offers exactly the starts validateOfferedSlot accepts, with the same seats left, with or without a daily limit', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { input: unlimited } = withOccasions(scenario);
        // With and without a daily limit of one occasion.
        for (const maxBookingsPerDay of [null, 1]) {
          const input = { ...unlimited, meetingType: { ...unlimited.meetingType, maxBookingsPerDay } };
          const offeredStarts = new Map(computeOfferedSlots(input, scenario.range).map((slot) => [slot.start, slot.seatsLeft]));
          for (let start = scenario.range.start; start < scenario.range.end; start += 15 * MS) {
            const verdict = validateOfferedSlot(input, start);
            expect(verdict.ok).toBe(offeredStarts.has(start));
            if (verdict.ok) expect(verdict.seatsLeft).toBe(offeredStarts.get(start));
          }
        }
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it('leaves each occasion the seats it has not sold, and refuses a full one as full', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { input, taken } = withOccasions(scenario);
        const seatsPerSlot = input.meetingType.seatsPerSlot ?? 1;
        const offered = new Map(computeOfferedSlots(input, scenario.range).map((slot) => [slot.start, slot.seatsLeft]));
        for (const [start, count] of taken) {
          if (count < seatsPerSlot) expect(offered.get(start)).toBe(seatsPerSlot - count);
          else expect(validateOfferedSlot(input, start)).toEqual({ ok: false, reason: 'full' });
        }
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it('explains exactly the starts computeOfferedSlots offers (the troubleshooter and the booking page agree), with the seats taken', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { input: unlimited, taken } = withOccasions(scenario);
        for (const maxBookingsPerDay of [null, 1]) {
          const input = { ...unlimited, meetingType: { ...unlimited.meetingType, maxBookingsPerDay } };
          const first = parseLocalDate(localDateOf(scenario.range.start, input.timeZone));
          for (const date of [first, first + 1, first + 2].map(formatLocalDate)) {
            const span = localDateRangeToInterval(date, date, input.timeZone);
            const offered = computeOfferedSlots(input, span).map((slot) => ({ start: slot.start, taken: (input.meetingType.seatsPerSlot ?? 0) - (slot.seatsLeft ?? 0) }));
            const explained = explainSlots(input, date).starts;
            expect(explained.filter((candidate) => candidate.obstacles.length === 0).map((candidate) => ({ start: candidate.start, taken: candidate.seats?.taken ?? 0 }))).toEqual(offered);
            for (const candidate of explained) {
              if (candidate.seats) expect(candidate.seats.taken).toBe(taken.get(candidate.start));
              if (candidate.obstacles.some((obstacle) => obstacle.kind === 'full')) expect(validateOfferedSlot(input, candidate.start)).toEqual({ ok: false, reason: 'full' });
            }
          }
        }
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it('offers no new start that overlaps an occasion, and treats occasions as busy for every other meeting type', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { input, taken } = withOccasions(scenario);
        const asPlainBookings = computeSlots(input, scenario.range).map((slot) => slot.start);
        const newStarts = computeOfferedSlots(input, scenario.range).filter((slot) => !taken.has(slot.start));
        for (const slot of newStarts) {
          expect(asPlainBookings).toContain(slot.start);
          expect(slot.seatsLeft).toBe(input.meetingType.seatsPerSlot);
        }
        const otherType = { ...input, meetingType: { ...input.meetingType, id: 'other', seatsPerSlot: null } };
        for (const slot of computeOfferedSlots(otherType, scenario.range)) {
          expect(input.bookings.some((booking) => overlaps(blockedRangeOf(booking), slot))).toBe(false);
        }
      }),
      RUNS,
    );
  }, TIMEOUT_MS);
});
