import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots';
import { at, everyDay, HOUR, iso, meetingPolicy, schedule, startsOf } from './test-fixtures';
import { localDateRangeToInterval, localDateTimeToInstant } from './time';
import type { BookedRange, Interval, WeeklyRule } from './types';

const monday = (startTime: string, endTime: string): WeeklyRule[] => [{ dayOfWeek: 1, startTime, endTime }];
const utcDay = (date: string): Interval => localDateRangeToInterval(date, date, 'UTC');

describe('computeSlots on the grid', () => {
  it('starts Monday 09:00 New York slots at 13:00Z in March and 14:00Z in January', () => {
    const input = schedule({ timeZone: 'America/New_York', rules: monday('09:00', '10:00') });
    const inNewYork = (date: string): Interval => localDateRangeToInterval(date, date, 'America/New_York');
    expect(startsOf(computeSlots(input, inNewYork('2026-03-09')))).toEqual([
      '2026-03-09T13:00:00Z',
      '2026-03-09T13:15:00Z',
      '2026-03-09T13:30:00Z',
    ]);
    expect(startsOf(computeSlots(input, inNewYork('2026-01-05')))).toEqual([
      '2026-01-05T14:00:00Z',
      '2026-01-05T14:15:00Z',
      '2026-01-05T14:30:00Z',
    ]);
  });

  it('spaces starts by 15 minutes by default and by slotIntervalMinutes when set', () => {
    const input = schedule({ rules: monday('09:00', '10:00') });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))).toEqual([
      '2026-03-09T09:00:00Z',
      '2026-03-09T09:15:00Z',
      '2026-03-09T09:30:00Z',
    ]);
    const every30 = { ...input, meetingType: meetingPolicy({ slotIntervalMinutes: 30 }) };
    expect(startsOf(computeSlots(every30, utcDay('2026-03-09')))).toEqual(['2026-03-09T09:00:00Z', '2026-03-09T09:30:00Z']);
  });

  it('makes each slot last the meeting duration', () => {
    const input = schedule({ rules: monday('09:00', '10:00'), meetingType: meetingPolicy({ durationMinutes: 45 }) });
    expect(computeSlots(input, utcDay('2026-03-09')).map((slot) => (slot.end - slot.start) / 60_000)).toEqual([45, 45]);
  });

  it('ends the last slot of a window ending at 24:00 exactly at local midnight', () => {
    const input = schedule({
      timeZone: 'America/New_York',
      rules: [{ dayOfWeek: 5, startTime: '20:00', endTime: '24:00' }],
      meetingType: meetingPolicy({ durationMinutes: 60 }),
    });
    const slots = computeSlots(input, localDateRangeToInterval('2026-03-13', '2026-03-13', 'America/New_York'));
    expect(slots.at(-1)).toEqual({ start: at('2026-03-14T03:00:00Z'), end: at('2026-03-14T04:00:00Z') });
    expect(slots.at(-1)?.end).toBe(localDateTimeToInstant('2026-03-14', '00:00', 'America/New_York'));
  });

  it('keeps slots whose window began before the range, on the window’s grid', () => {
    const input = schedule({
      rules: monday('09:00', '12:00'),
      meetingType: meetingPolicy({ durationMinutes: 60, slotIntervalMinutes: 60 }),
    });
    const range = { start: at('2026-03-09T09:10:00Z'), end: at('2026-03-10T00:00:00Z') };
    expect(startsOf(computeSlots(input, range))).toEqual(['2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z']);
  });

  it('returns nothing for an empty or inverted range', () => {
    const input = schedule({ rules: everyDay('00:00', '24:00') });
    expect(computeSlots(input, { start: at('2026-03-09T09:00:00Z'), end: at('2026-03-09T09:00:00Z') })).toEqual([]);
    expect(computeSlots(input, { start: at('2026-03-10T00:00:00Z'), end: at('2026-03-09T00:00:00Z') })).toEqual([]);
  });
});

describe('computeSlots across DST changes', () => {
  const hourly = meetingPolicy({ durationMinutes: 60, slotIntervalMinutes: 60 });
  const allSunday: WeeklyRule[] = [{ dayOfWeek: 0, startTime: '00:00', endTime: '24:00' }];

  it.each([
    ['2026-03-08', 23, '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'],
    ['2026-11-01', 25, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'],
  ])('fits hourly slots into the elapsed length of New York’s %s (%s slots)', (date, count, firstStart, lastEnd) => {
    const input = schedule({ timeZone: 'America/New_York', rules: allSunday, meetingType: hourly });
    const slots = computeSlots(input, localDateRangeToInterval(date, date, 'America/New_York'));
    expect(slots).toHaveLength(count);
    expect([iso(slots[0]?.start ?? NaN), iso(slots.at(-1)?.end ?? NaN)]).toEqual([firstStart, lastEnd]);
    slots.slice(1).forEach((slot, index) => expect(slot.start - (slots[index]?.start ?? NaN)).toBe(HOUR));
  });

  it('counts the grid in elapsed time, so after Lord Howe’s 30-minute shift hourly slots start at half past', () => {
    const input = schedule({ timeZone: 'Australia/Lord_Howe', rules: allSunday, meetingType: hourly });
    const slots = computeSlots(input, localDateRangeToInterval('2026-10-04', '2026-10-04', 'Australia/Lord_Howe'));
    // 00:00 +10:30, 01:00 +10:30, then 02:00 +10:30 is 02:30 +11:00 on the wall.
    expect(startsOf(slots.slice(0, 3))).toEqual(['2026-10-03T13:30:00Z', '2026-10-03T14:30:00Z', '2026-10-03T15:30:00Z']);
    expect(slots).toHaveLength(23);
    expect(iso(slots.at(-1)?.end ?? NaN)).toBe('2026-10-04T12:30:00Z');
  });

  it('offers 09:00 Kathmandu as 03:15Z', () => {
    const input = schedule({ timeZone: 'Asia/Kathmandu', rules: monday('09:00', '09:30') });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))).toEqual(['2026-03-09T03:15:00Z']);
  });
});

describe('computeSlots with overrides', () => {
  const weekdays = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00', endTime: '10:00' }));

  it('offers nothing on a working day an override turns off', () => {
    const input = schedule({ rules: weekdays, overrides: [{ date: '2026-03-10', startTime: null, endTime: null }] });
    const slots = computeSlots(input, localDateRangeToInterval('2026-03-09', '2026-03-11', 'UTC'));
    expect(slots.filter((slot) => iso(slot.start).startsWith('2026-03-10'))).toEqual([]);
    expect(slots).toHaveLength(6);
  });

  it('uses an override’s custom hours instead of the weekday rules', () => {
    const input = schedule({ rules: weekdays, overrides: [{ date: '2026-03-10', startTime: '14:00', endTime: '15:00' }] });
    expect(startsOf(computeSlots(input, utcDay('2026-03-10')))).toEqual([
      '2026-03-10T14:00:00Z',
      '2026-03-10T14:15:00Z',
      '2026-03-10T14:30:00Z',
    ]);
  });
});

describe('computeSlots with buffers and busy time', () => {
  it('drops the first grid point when bufferBefore would start before the window', () => {
    const input = schedule({ rules: monday('09:00', '10:00'), meetingType: meetingPolicy({ bufferBeforeMinutes: 10 }) });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))).toEqual(['2026-03-09T09:15:00Z', '2026-03-09T09:30:00Z']);
  });

  it('keeps bufferAfter inside the window end', () => {
    const input = schedule({ rules: monday('09:00', '10:00'), meetingType: meetingPolicy({ bufferAfterMinutes: 10 }) });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))).toEqual(['2026-03-09T09:00:00Z', '2026-03-09T09:15:00Z']);
  });

  it('blocks the neighbours of a booking by the booking’s own buffers', () => {
    const booking: BookedRange = {
      start: at('2026-03-09T10:00:00Z'),
      end: at('2026-03-09T10:30:00Z'),
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      meetingTypeId: 'other',
    };
    const input = schedule({ rules: monday('09:00', '12:00'), bookings: [booking] });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))).toEqual([
      '2026-03-09T09:00:00Z',
      '2026-03-09T09:15:00Z',
      '2026-03-09T10:45:00Z',
      '2026-03-09T11:00:00Z',
      '2026-03-09T11:15:00Z',
      '2026-03-09T11:30:00Z',
    ]);
  });

  it('keeps the meeting’s own buffers clear of busy time', () => {
    const busy = [{ start: at('2026-03-09T10:00:00Z'), end: at('2026-03-09T10:30:00Z') }];
    const input = schedule({
      rules: monday('09:00', '12:00'),
      busy,
      meetingType: meetingPolicy({ bufferBeforeMinutes: 5, bufferAfterMinutes: 5 }),
    });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))).toEqual([
      '2026-03-09T09:15:00Z',
      '2026-03-09T10:45:00Z',
      '2026-03-09T11:00:00Z',
      '2026-03-09T11:15:00Z',
    ]);
  });

  it('handles busy events given out of order and overlapping each other', () => {
    const busy = [
      { start: at('2026-03-09T11:00:00Z'), end: at('2026-03-09T11:10:00Z') },
      { start: at('2026-03-09T09:50:00Z'), end: at('2026-03-09T10:05:00Z') },
      { start: at('2026-03-09T10:00:00Z'), end: at('2026-03-09T10:20:00Z') },
    ];
    const input = schedule({ rules: monday('09:00', '12:00'), busy });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))).toEqual([
      '2026-03-09T09:00:00Z',
      '2026-03-09T09:15:00Z',
      '2026-03-09T10:30:00Z',
      '2026-03-09T11:15:00Z',
      '2026-03-09T11:30:00Z',
    ]);
  });
});

describe('computeSlots booking limits', () => {
  it('starts no earlier than now plus the minimum notice', () => {
    const input = schedule({
      rules: monday('09:00', '12:00'),
      now: at('2026-03-09T09:07:00Z'),
      meetingType: meetingPolicy({ minNoticeMinutes: 60 }),
    });
    expect(startsOf(computeSlots(input, utcDay('2026-03-09')))[0]).toBe('2026-03-09T10:15:00Z');
  });

  it('starts before now plus maxDaysInFuture × 24 h', () => {
    const input = schedule({
      rules: everyDay('09:00', '10:00'),
      now: at('2026-03-09T09:20:00Z'),
      meetingType: meetingPolicy({ maxDaysInFuture: 2 }),
    });
    const slots = computeSlots(input, localDateRangeToInterval('2026-03-09', '2026-03-15', 'UTC'));
    expect(startsOf(slots)).toEqual([
      '2026-03-09T09:30:00Z',
      '2026-03-10T09:00:00Z',
      '2026-03-10T09:15:00Z',
      '2026-03-10T09:30:00Z',
      '2026-03-11T09:00:00Z',
      '2026-03-11T09:15:00Z',
    ]);
  });

  it('counts toward maxBookingsPerDay only bookings of this meeting type on the same host-local date', () => {
    const rules = [1, 2].map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00', endTime: '10:00' }));
    const booking = (start: string, meetingTypeId: string): BookedRange => ({
      start: at(start),
      end: at(start) + HOUR / 2,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      meetingTypeId,
    });
    const input = schedule({
      timeZone: 'Asia/Tokyo',
      rules,
      meetingType: meetingPolicy({ maxBookingsPerDay: 1 }),
      bookings: [
        booking('2026-03-09T05:00:00Z', 'other-type'), // Monday 14:00 Tokyo, another meeting type
        booking('2026-03-09T15:30:00Z', 'intro-call'), // still Monday in UTC, but Tuesday 00:30 in Tokyo
      ],
    });
    const slots = computeSlots(input, localDateRangeToInterval('2026-03-09', '2026-03-10', 'Asia/Tokyo'));
    expect(startsOf(slots)).toEqual(['2026-03-09T00:00:00Z', '2026-03-09T00:15:00Z', '2026-03-09T00:30:00Z']);
  });

  it('rejects a policy whose grid could never advance', () => {
    const input = schedule({ rules: monday('09:00', '10:00'), meetingType: meetingPolicy({ slotIntervalMinutes: 0 }) });
    expect(() => computeSlots(input, utcDay('2026-03-09'))).toThrow(RangeError);
  });
});
