import { describe, expect, it } from 'vitest';
import { at, HOUR, iso } from './test-fixtures';
import { addDays, dayOfWeekOf, isValidTimeZone, localDateOf, localDateRangeToInterval, localDateTimeToInstant } from './time';

/** Offset of a zone at an instant as Intl reports it ("GMT+10:30" -> 630 minutes), independent of the engine. */
function intlOffsetMinutes(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`unexpected offset name ${name}`);
  const [, sign, hours, minutes] = match;
  return sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

describe('localDateTimeToInstant', () => {
  it.each([
    ['2026-03-09', '09:00', 'America/New_York', '2026-03-09T13:00:00Z'],
    ['2026-01-05', '09:00', 'America/New_York', '2026-01-05T14:00:00Z'],
    ['2026-03-09', '09:00', 'Asia/Kathmandu', '2026-03-09T03:15:00Z'],
    ['2026-07-01', '09:00', 'Europe/London', '2026-07-01T08:00:00Z'],
    ['2026-07-01', '09:00:30', 'UTC', '2026-07-01T09:00:30Z'],
  ])('%s %s in %s is %s', (date, time, timeZone, expected) => {
    expect(iso(localDateTimeToInstant(date, time, timeZone))).toBe(expected);
  });

  it('treats 24:00 as the next local midnight', () => {
    expect(iso(localDateTimeToInstant('2026-03-07', '24:00', 'America/New_York'))).toBe('2026-03-08T05:00:00Z');
    expect(localDateTimeToInstant('2026-03-07', '24:00:00', 'America/New_York')).toBe(
      localDateTimeToInstant('2026-03-08', '00:00', 'America/New_York'),
    );
  });

  it.each([
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00Z', '03:30 EDT'],
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:30:00Z', '02:30 BST'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00Z', '02:45 +11:00'],
  ])('moves a wall time skipped by spring-forward in %s (%s %s) forward by the gap', (timeZone, date, time, expected) => {
    expect(iso(localDateTimeToInstant(date, time, timeZone))).toBe(expected);
  });

  it.each([
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00Z'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00Z'],
  ])('resolves a wall time repeated by fall-back in %s (%s %s) to its first occurrence', (timeZone, date, time, expected) => {
    expect(iso(localDateTimeToInstant(date, time, timeZone))).toBe(expected);
  });

  it('rejects malformed dates, times and zones', () => {
    expect(() => localDateTimeToInstant('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => localDateTimeToInstant('2026-03-09', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => localDateTimeToInstant('2026-03-09', '24:30', 'UTC')).toThrow(RangeError);
    expect(() => localDateTimeToInstant('2026-03-09', '09:00', 'Mars/Base')).toThrow(RangeError);
  });
});

describe('Australia/Lord_Howe DST in 2026 (checked against Intl, not memory)', () => {
  it('Intl shows +11:00 -> +10:30 on 2026-04-05 and +10:30 -> +11:00 on 2026-10-04', () => {
    const zone = 'Australia/Lord_Howe';
    expect(intlOffsetMinutes(at('2026-04-04T14:59:00Z'), zone)).toBe(660);
    expect(intlOffsetMinutes(at('2026-04-04T15:00:00Z'), zone)).toBe(630);
    expect(intlOffsetMinutes(at('2026-10-03T15:29:00Z'), zone)).toBe(630);
    expect(intlOffsetMinutes(at('2026-10-03T15:30:00Z'), zone)).toBe(660);
  });

  it('makes 2026-04-05 24.5 hours long and 2026-10-04 23.5 hours long', () => {
    const length = (date: string): number => {
      const day = localDateRangeToInterval(date, date, 'Australia/Lord_Howe');
      return (day.end - day.start) / HOUR;
    };
    expect(length('2026-04-05')).toBe(24.5);
    expect(length('2026-10-04')).toBe(23.5);
  });
});

describe('localDateRangeToInterval', () => {
  it.each([
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'],
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z'],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z'],
  ])('spans %s %s from local midnight to the next local midnight', (timeZone, date, start, end) => {
    const interval = localDateRangeToInterval(date, date, timeZone);
    expect([iso(interval.start), iso(interval.end)]).toEqual([start, end]);
  });

  it('covers endDate completely', () => {
    const interval = localDateRangeToInterval('2026-03-01', '2026-03-31', 'Asia/Kathmandu');
    expect([iso(interval.start), iso(interval.end)]).toEqual(['2026-02-28T18:15:00Z', '2026-03-31T18:15:00Z']);
  });
});

describe('localDateOf', () => {
  it.each([
    ['2026-03-09T03:59:00Z', 'America/New_York', '2026-03-08'],
    ['2026-03-09T04:00:00Z', 'America/New_York', '2026-03-09'],
    ['2026-03-09T18:14:00Z', 'Asia/Kathmandu', '2026-03-09'],
    ['2026-03-09T18:15:00Z', 'Asia/Kathmandu', '2026-03-10'],
    ['2026-03-09T11:15:00Z', 'Pacific/Chatham', '2026-03-10'],
  ])('%s is %s in %s', (instant, timeZone, expected) => {
    expect(localDateOf(at(instant), timeZone)).toBe(expected);
  });
});

describe('calendar dates', () => {
  it('gives 0 = Sunday for a calendar date', () => {
    expect(dayOfWeekOf('2026-03-08')).toBe(0);
    expect(dayOfWeekOf('2026-03-09')).toBe(1);
    expect(dayOfWeekOf('2028-02-29')).toBe(2);
    expect(dayOfWeekOf('1969-12-31')).toBe(3);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-08', 365)).toBe('2027-03-08');
  });
});

describe('isValidTimeZone', () => {
  it.each(['America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['', ' ', 'Mars/Base', 'America/Nowhere', 'not a zone'])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
