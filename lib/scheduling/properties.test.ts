import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_MINUTE, formatLocalDate, parseLocalDate } from './calendar-date';
import { computeSlots } from './compute-slots';
import { explainSlots } from './explain-slots';
import { blockedRangeOf, overlaps } from './intervals';
import { localDateOf, localDateRangeToInterval } from './time';
import type { BookedRange, DateOverride, Interval, ScheduleInput, WeeklyRule } from './types';
import { validateSlot } from './validate-slot';
import { availabilityByDay } from './windows';
import { clearZoneOffsetTables, createZoneClock } from './zone-offsets';
import { PROPERTY_ZONES as ZONES } from './test-fixtures';

const FIRST_DAY = parseLocalDate('2024-01-01');
const LAST_DAY = parseLocalDate('2028-12-31');
const MEETING_TYPE_ID = 'mt';

/** Host-local dates around each UTC offset change in 2024-2028, found with Intl rather than the engine. */
const changeDaysByZone = new Map(ZONES.map((timeZone) => [timeZone, daysAroundOffsetChanges(timeZone)]));
function daysAroundOffsetChanges(timeZone: string): number[] {
  const formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const offsetName = (day: number): string => formatter.format(day * MS_PER_DAY + MS_PER_DAY / 2);
  const days: number[] = [];
  for (let day = FIRST_DAY; day < LAST_DAY; day++) {
    if (offsetName(day) !== offsetName(day + 1)) days.push(day, day + 1, day + 2);
  }
  return days;
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const wallTimeArb = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 288 }).map((step) => hhmm(step * 5)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1439 }).map((minute) => `${hhmm(minute)}:30`) },
);
const windowArb = fc.tuple(wallTimeArb, wallTimeArb).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
const ruleArb: fc.Arbitrary<WeeklyRule> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), windowArb)
  .map(([dayOfWeek, [startTime, endTime]]) => ({ dayOfWeek, startTime, endTime }));
const minutesArb = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max }).map((minutes) => minutes * MS_PER_MINUTE);
const busyArb = (origin: number): fc.Arbitrary<Interval> =>
  fc
    .tuple(minutesArb(-1440, 6 * 1440), minutesArb(1, 300))
    .map(([offset, length]) => ({ start: origin + offset, end: origin + offset + length }));
const bookingArb = (origin: number): fc.Arbitrary<BookedRange> =>
  fc
    .tuple(busyArb(origin), fc.constantFrom(0, 5, 15), fc.constantFrom(0, 10), fc.constantFrom(MEETING_TYPE_ID, 'other'))
    .map(([range, bufferBeforeMinutes, bufferAfterMinutes, meetingTypeId]) => ({
      ...range,
      bufferBeforeMinutes,
      bufferAfterMinutes,
      meetingTypeId,
    }));

interface Scenario {
  input: ScheduleInput;
  range: Interval;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.constantFrom(...ZONES).chain((timeZone) => {
  const changeDays = changeDaysByZone.get(timeZone) ?? [];
  const anyDay = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
  const dayArb = changeDays.length > 0 ? fc.oneof(anyDay, fc.constantFrom(...changeDays)) : anyDay;
  return fc.tuple(dayArb, fc.integer({ min: 1, max: 4 })).chain(([firstDay, spanDays]) => {
    const origin = firstDay * MS_PER_DAY;
    const overrideArb: fc.Arbitrary<DateOverride> = fc
      .tuple(fc.integer({ min: -1, max: spanDays + 1 }), fc.option(windowArb, { freq: 4 }))
      .map(([dayOffset, window]) => ({
        date: formatLocalDate(firstDay + dayOffset),
        startTime: window?.[0] ?? null,
        endTime: window?.[1] ?? null,
      }));
    return fc.record({
      input: fc.record({
        timeZone: fc.constant(timeZone),
        rules: fc.array(ruleArb, { minLength: 1, maxLength: 10 }),
        overrides: fc.array(overrideArb, { maxLength: 3 }),
        busy: fc.array(busyArb(origin), { maxLength: 20 }),
        bookings: fc.array(bookingArb(origin), { maxLength: 10 }),
        now: minutesArb(-2 * 1440, 360).map((offset) => origin + offset),
        meetingType: fc.record({
          id: fc.constant(MEETING_TYPE_ID),
          durationMinutes: fc.constantFrom(15, 20, 30, 45, 60, 90),
          bufferBeforeMinutes: fc.constantFrom(0, 5, 10, 30),
          bufferAfterMinutes: fc.constantFrom(0, 5, 15),
          slotIntervalMinutes: fc.constantFrom(null, 5, 10, 15, 30, 60),
          minNoticeMinutes: fc.constantFrom(0, 30, 240),
          maxDaysInFuture: fc.integer({ min: 1, max: 10 }),
          maxBookingsPerDay: fc.constantFrom(null, 1, 2),
        }),
      }),
      range: minutesArb(-720, 720).map((offset) => ({ start: origin + offset, end: origin + offset + spanDays * MS_PER_DAY })),
    });
  });
});

const RUNS = { numRuns: 150 };
const MS = MS_PER_MINUTE;

function windowsAround(input: ScheduleInput, range: Interval): Interval[] {
  return availabilityByDay(input, createZoneClock(input.timeZone), range).flatMap((day) => day.windows);
}

describe('computeSlots properties', () => {
  it('gives every slot a buffered range inside one window, on its grid, clear of all busy time and bookings', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, range }) => {
        const policy = input.meetingType;
        const step = (policy.slotIntervalMinutes ?? 15) * MS;
        const windows = windowsAround(input, range);
        const blocked = [...input.busy, ...input.bookings.map(blockedRangeOf)];
        for (const slot of computeSlots(input, range)) {
          const needed = { start: slot.start - policy.bufferBeforeMinutes * MS, end: slot.end + policy.bufferAfterMinutes * MS };
          const window = windows.find((candidate) => candidate.start <= needed.start && needed.end <= candidate.end);
          expect(window).toBeDefined();
          expect((slot.start - (window?.start ?? NaN)) % step).toBe(0);
          expect(blocked.filter((range) => overlaps(range, needed))).toEqual([]);
          expect(slot.end - slot.start).toBe(policy.durationMinutes * MS);
          expect(slot.start >= range.start && slot.start < range.end).toBe(true);
          expect(
            slot.start >= input.now + policy.minNoticeMinutes * MS && slot.start < input.now + policy.maxDaysInFuture * MS_PER_DAY,
          ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('returns slots strictly ascending (so unique)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, range }) => {
        const starts = computeSlots(input, range).map((slot) => slot.start);
        starts.slice(1).forEach((start, index) => expect(start).toBeGreaterThan(starts[index] ?? Infinity));
      }),
      RUNS,
    );
  });

  it('keeps every window inside its own host-local date', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, range }) => {
        for (const day of availabilityByDay(input, createZoneClock(input.timeZone), range)) {
          for (const window of day.windows) {
            expect([localDateOf(window.start, input.timeZone), localDateOf(window.end - 1, input.timeZone)]).toEqual([
              formatLocalDate(day.dayNumber),
              formatLocalDate(day.dayNumber),
            ]);
          }
        }
      }),
      RUNS,
    );
  });

  it('never adds a slot when a busy interval is added', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) => fc.tuple(fc.constant(scenario), busyArb(scenario.range.start))),
        ([{ input, range }, extraBusy]) => {
          const before = new Set(computeSlots(input, range).map((slot) => slot.start));
          const after = computeSlots({ ...input, busy: [...input.busy, extraBusy] }, range);
          expect(after.filter((slot) => !before.has(slot.start))).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('agrees with validateSlot on every grid point of every window and on arbitrary minutes', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) => fc.tuple(fc.constant(scenario), fc.array(minutesArb(0, 4 * 1440), { maxLength: 20 }))),
        ([{ input, range }, offsets]) => {
          const slots = new Set(computeSlots(input, range).map((slot) => slot.start));
          const step = (input.meetingType.slotIntervalMinutes ?? 15) * MS;
          const gridPoints = windowsAround(input, range).flatMap((window) =>
            Array.from({ length: Math.ceil((window.end - window.start) / step) }, (_, k) => window.start + k * step),
          );
          const candidates = [...gridPoints, ...offsets.map((offset) => range.start + offset)];
          for (const start of candidates.filter((candidate) => candidate >= range.start && candidate < range.end)) {
            expect({ start, ok: validateSlot(input, start).ok }).toEqual({ start, ok: slots.has(start) });
          }
        },
      ),
      RUNS,
    );
  });
});

describe('explainSlots (the troubleshooter) properties', () => {
  const datesOf = (input: ScheduleInput, range: Interval): string[] => {
    const first = parseLocalDate(localDateOf(range.start, input.timeZone));
    return [first - 1, first, first + 1, first + 2].map(formatLocalDate);
  };

  it('offers exactly the starts computeSlots offers on that host-local date, across zones and DST days', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, range }) => {
        for (const date of datesOf(input, range)) {
          const span = localDateRangeToInterval(date, date, input.timeZone);
          const explained = explainSlots(input, date);
          expect(explained.span).toEqual(span);
          const offered = explained.starts.filter((candidate) => candidate.obstacles.length === 0).map((candidate) => candidate.start);
          expect({ date, offered }).toEqual({ date, offered: computeSlots(input, span).map((slot) => slot.start) });
        }
      }),
      RUNS,
    );
  });

  it('lists candidates ascending and inside the date, each refused one with the reasons validateSlot would accept', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, range }) => {
        const date = localDateOf(range.start, input.timeZone);
        const { span, starts } = explainSlots(input, date);
        starts.slice(1).forEach((candidate, index) => expect(candidate.start).toBeGreaterThan(starts[index]!.start));
        for (const candidate of starts) {
          expect(candidate.start >= span.start && candidate.start < span.end).toBe(true);
          const verdict = validateSlot(input, candidate.start);
          expect(verdict.ok).toBe(candidate.obstacles.length === 0);
          const kinds = candidate.obstacles.map((obstacle) => obstacle.kind);
          if (!verdict.ok && verdict.reason === 'too_soon') expect(kinds).toContain('minimum_notice');
          if (!verdict.ok && verdict.reason === 'too_far') expect(kinds).toContain('booking_window');
          if (!verdict.ok && verdict.reason === 'daily_limit') expect(kinds).toContain('daily_limit');
          if (!verdict.ok && verdict.reason === 'busy') expect(kinds.some((kind) => kind === 'busy' || kind === 'booking' || kind === 'booking_buffer')).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('independence from the process time zone', () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    if (originalTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalTimeZone;
    clearZoneOffsetTables();
  });

  it('gives identical slots and validations with process.env.TZ set to other zones', () => {
    const outcome = ({ input, range }: Scenario): unknown => {
      clearZoneOffsetTables(); // rebuild the offset tables under the current process zone
      const slots = computeSlots(input, range);
      return { slots, validations: slots.slice(0, 5).map((slot) => validateSlot(input, slot.start + 5 * MS)) };
    };
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        process.env.TZ = 'UTC';
        const expected = outcome(scenario);
        for (const processZone of ['Pacific/Kiritimati', 'America/St_Johns', 'Australia/Lord_Howe']) {
          process.env.TZ = processZone;
          expect(outcome(scenario)).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('really switches the process zone when process.env.TZ changes (so the test above means something)', () => {
    const newYear = Date.UTC(2026, 0, 1);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(new Date(newYear).getTimezoneOffset()).toBe(-14 * 60);
    process.env.TZ = 'UTC';
    expect(new Date(newYear).getTimezoneOffset()).toBe(0);
  });
});
