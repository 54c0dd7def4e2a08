import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_MINUTE, formatLocalDate, parseLocalDate } from './calendar-date';
import { computeSlots } from './compute-slots';
import { combineMemberSlots, computeTeamSlots, freeMembersAt, type TeamSchedulingMode } from './team-slots';
import { at, everyDay, HOUR, meetingPolicy, PROPERTY_ZONES, schedule } from './test-fixtures';
import type { BookedRange, Interval, MeetingPolicy, ScheduleInput, WeeklyRule } from './types';

// The team operations are held to composing the single-host engine member by member: a round-robin
// start is offered iff at least one member's own answer offers it, naming exactly those members; a
// collective start iff every member's does.

const FIRST_DAY = parseLocalDate('2025-01-01');
const LAST_DAY = parseLocalDate('2027-12-31');
const MEETING_TYPE_ID = 'team-type';
const MS = MS_PER_MINUTE;

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
// Mostly whole and half hours, so members' grids meet often enough for intersections to be non-trivial.
const wallTimeArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 48 }).map((half) => hhmm(half * 30)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 288 }).map((step) => hhmm(step * 5)) },
);
const windowArb = fc.tuple(wallTimeArb, wallTimeArb).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
const ruleArb: fc.Arbitrary<WeeklyRule> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), windowArb)
  .map(([dayOfWeek, [startTime, endTime]]) => ({ dayOfWeek, startTime, endTime }));
const minutesArb = (min: number, max: number) => fc.integer({ min, max }).map((minutes) => minutes * MS);
const busyArb = (origin: number): fc.Arbitrary<Interval> =>
  fc.tuple(minutesArb(-1440, 4 * 1440), minutesArb(1, 240)).map(([offset, length]) => ({ start: origin + offset, end: origin + offset + length }));
const bookingArb = (origin: number): fc.Arbitrary<BookedRange> =>
  fc.tuple(busyArb(origin), fc.constantFrom(0, 10), fc.constantFrom(MEETING_TYPE_ID, 'other')).map(([range, buffer, meetingTypeId]) => ({
    ...range,
    bufferBeforeMinutes: buffer,
    bufferAfterMinutes: buffer,
    meetingTypeId,
  }));

const policyArb: fc.Arbitrary<MeetingPolicy> = fc.record({
  id: fc.constant(MEETING_TYPE_ID),
  durationMinutes: fc.constantFrom(15, 30, 45, 60),
  bufferBeforeMinutes: fc.constantFrom(0, 5, 15),
  bufferAfterMinutes: fc.constantFrom(0, 10),
  slotIntervalMinutes: fc.constantFrom(null, 15, 30),
  minNoticeMinutes: fc.constantFrom(0, 60),
  maxDaysInFuture: fc.integer({ min: 1, max: 6 }),
  maxBookingsPerDay: fc.constantFrom(null, 1, 3),
});

interface TeamScenario {
  members: ScheduleInput[];
  range: Interval;
}

// Each member has their own zone (often the team's common one), hours, overrides, busy time and
// bookings; the team type's policy and the clock are shared.
const teamArb: fc.Arbitrary<TeamScenario> = fc
  .tuple(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), fc.integer({ min: 1, max: 3 }), policyArb, fc.constantFrom(...PROPERTY_ZONES))
  .chain(([firstDay, spanDays, policy, commonZone]) => {
    const origin = firstDay * MS_PER_DAY;
    const memberArb: fc.Arbitrary<ScheduleInput> = fc.record({
      timeZone: fc.oneof({ weight: 3, arbitrary: fc.constant(commonZone) }, { weight: 1, arbitrary: fc.constantFrom(...PROPERTY_ZONES) }),
      rules: fc.array(ruleArb, { minLength: 1, maxLength: 8 }),
      overrides: fc.array(
        fc.tuple(fc.integer({ min: -1, max: spanDays }), fc.option(windowArb, { freq: 3 })).map(([dayOffset, window]) => ({
          date: formatLocalDate(firstDay + dayOffset),
          startTime: window?.[0] ?? null,
          endTime: window?.[1] ?? null,
        })),
        { maxLength: 2 },
      ),
      busy: fc.array(busyArb(origin), { maxLength: 12 }),
      bookings: fc.array(bookingArb(origin), { maxLength: 6 }),
      meetingType: fc.constant(policy),
      now: fc.constant(origin - 6 * HOUR),
    });
    return fc.record({
      members: fc.array(memberArb, { minLength: 1, maxLength: 5 }),
      range: minutesArb(-720, 720).map((offset) => ({ start: origin + offset, end: origin + offset + spanDays * MS_PER_DAY })),
    });
  });

const RUNS = { numRuns: 200 };

/** The reference: every member's own answer, as start → members offering it, from plain sets. */
function membersByStart(members: ScheduleInput[], range: Interval): Map<number, number[]> {
  const byStart = new Map<number, number[]>();
  members.forEach((input, member) => {
    for (const slot of computeSlots(input, range)) byStart.set(slot.start, [...(byStart.get(slot.start) ?? []), member]);
  });
  return byStart;
}

describe('team slots, against composing the single-host engine member by member', () => {
  it('round robin offers a start iff at least one member does, naming exactly those members, ascending', () => {
    fc.assert(
      fc.property(teamArb, ({ members, range }) => {
        const expected = [...membersByStart(members, range)].sort(([a], [b]) => a - b);
        const team = computeTeamSlots(members, range, 'round_robin');
        expect(team.map((slot) => [slot.start, slot.members])).toEqual(expected);
        const duration = members[0]!.meetingType.durationMinutes * MS;
        for (const slot of team) expect(slot.end - slot.start).toBe(duration);
      }),
      RUNS,
    );
  });

  it('collective offers a start iff every member does, with every member', () => {
    fc.assert(
      fc.property(teamArb, ({ members, range }) => {
        const everyone = members.map((_, member) => member);
        const expected = [...membersByStart(members, range)]
          .filter(([, free]) => free.length === members.length)
          .sort(([a], [b]) => a - b)
          .map(([start]) => [start, everyone]);
        expect(computeTeamSlots(members, range, 'collective').map((slot) => [slot.start, slot.members])).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('freeMembersAt names the same members as the combined answer, at offered starts and elsewhere', () => {
    fc.assert(
      fc.property(teamArb, fc.constantFrom<TeamSchedulingMode>('round_robin', 'collective'), fc.array(fc.integer({ min: 0, max: 3 * 96 }), { maxLength: 10 }), ({ members, range }, mode, probes) => {
        const offered = new Map(computeTeamSlots(members, range, mode).map((slot) => [slot.start, slot.members]));
        const quarterHours = probes.map((quarter) => Math.ceil(range.start / (15 * MS)) * 15 * MS + quarter * 15 * MS).filter((start) => start < range.end);
        for (const start of [...offered.keys(), ...quarterHours]) expect(freeMembersAt(members, start, mode)).toEqual(offered.get(start) ?? []);
      }),
      RUNS,
    );
  });
});

describe('team slots, examples', () => {
  const range = { start: at('2026-03-02T00:00:00Z'), end: at('2026-03-03T00:00:00Z') };
  const policy = meetingPolicy({ id: MEETING_TYPE_ID, durationMinutes: 60, slotIntervalMinutes: 60 });
  const morning = schedule({ rules: everyDay('09:00', '12:00'), meetingType: policy });
  const lateMorning = schedule({ rules: everyDay('10:00', '13:00'), meetingType: policy });
  const hours = (slots: Interval[]) => slots.map((slot) => new Date(slot.start).getUTCHours());

  it('round robin offers 9-12 with the members free at each', () => {
    const team = computeTeamSlots([morning, lateMorning], range, 'round_robin');
    expect(hours(team)).toEqual([9, 10, 11, 12]);
    expect(team.map((slot) => slot.members)).toEqual([[0], [0, 1], [0, 1], [1]]);
  });

  it('collective offers only the hours both have', () => {
    expect(hours(computeTeamSlots([morning, lateMorning], range, 'collective'))).toEqual([10, 11]);
  });

  it('a booking of one member removes only that member from the start', () => {
    const booked = { ...lateMorning, bookings: [{ start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T11:00:00Z'), bufferBeforeMinutes: 0, bufferAfterMinutes: 0, meetingTypeId: 'x' }] };
    expect(combineMemberSlots([computeSlots(morning, range), computeSlots(booked, range)], 'round_robin').map((slot) => slot.members)).toEqual([[0], [0], [0, 1], [1]]);
    expect(freeMembersAt([morning, booked], at('2026-03-02T10:00:00Z'), 'collective')).toEqual([]);
  });

  it('an empty team offers nothing', () => {
    expect(computeTeamSlots([], range, 'round_robin')).toEqual([]);
    expect(computeTeamSlots([], range, 'collective')).toEqual([]);
  });
});
