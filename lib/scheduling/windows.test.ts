import { describe, expect, it } from 'vitest';
import { at, HOUR, iso } from './test-fixtures';
import { localDateRangeToInterval } from './time';
import type { DateOverride, Interval, WeeklyRule } from './types';
import { availabilityByDay } from './windows';
import { createZoneClock } from './zone-offsets';

/** The windows of one host-local date, as [startISO, endISO] pairs. */
function windowsOn(date: string, timeZone: string, rules: WeeklyRule[], overrides: DateOverride[] = []): string[][] {
  const range = localDateRangeToInterval(date, date, timeZone);
  const days = availabilityByDay({ rules, overrides }, createZoneClock(timeZone), range);
  return days
    .flatMap((day) => day.windows)
    .filter((window) => window.start >= range.start && window.start < range.end)
    .map((window) => [iso(window.start), iso(window.end)]);
}

const hours = ([start, end]: string[]): number => (Date.parse(end ?? '') - Date.parse(start ?? '')) / HOUR;
const sunday = (startTime: string, endTime: string): WeeklyRule[] => [{ dayOfWeek: 0, startTime, endTime }];

describe('availabilityByDay across DST changes', () => {
  it.each([
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25],
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z', 23],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z', 25],
    ['Australia/Lord_Howe', '2026-04-05', '2026-04-04T13:00:00Z', '2026-04-05T13:30:00Z', 24.5],
    ['Australia/Lord_Howe', '2026-10-04', '2026-10-03T13:30:00Z', '2026-10-04T13:00:00Z', 23.5],
  ])('a Sunday 00:00-24:00 rule in %s on %s runs %s to %s (%s h elapsed)', (timeZone, date, start, end, length) => {
    const windows = windowsOn(date, timeZone, sunday('00:00', '24:00'));
    expect(windows).toEqual([[start, end]]);
    expect(hours(windows[0] ?? [])).toBe(length);
  });

  it('a 01:00-04:00 rule lasts 2 h on the New York spring-forward day and 4 h on the fall-back day', () => {
    const rule = sunday('01:00', '04:00');
    expect(windowsOn('2026-03-08', 'America/New_York', rule)).toEqual([['2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z']]);
    expect(windowsOn('2026-11-01', 'America/New_York', rule)).toEqual([['2026-11-01T05:00:00Z', '2026-11-01T09:00:00Z']]);
  });

  it('converts each date with its own offset: 09:00 New York is 13:00Z in summer and 14:00Z in winter', () => {
    const monday: WeeklyRule[] = [{ dayOfWeek: 1, startTime: '09:00', endTime: '17:00' }];
    expect(windowsOn('2026-03-09', 'America/New_York', monday)).toEqual([['2026-03-09T13:00:00Z', '2026-03-09T21:00:00Z']]);
    expect(windowsOn('2026-01-05', 'America/New_York', monday)).toEqual([['2026-01-05T14:00:00Z', '2026-01-05T22:00:00Z']]);
  });

  it('skips a window that lies entirely in the skipped hour', () => {
    expect(windowsOn('2026-03-08', 'America/New_York', sunday('02:00', '03:00'))).toEqual([]);
  });

  it('uses the +05:45 offset of Asia/Kathmandu', () => {
    const monday: WeeklyRule[] = [{ dayOfWeek: 1, startTime: '09:00', endTime: '17:30' }];
    expect(windowsOn('2026-03-09', 'Asia/Kathmandu', monday)).toEqual([['2026-03-09T03:15:00Z', '2026-03-09T11:45:00Z']]);
  });
});

describe('availabilityByDay rules and overrides', () => {
  const mondayNineToFive: WeeklyRule[] = [{ dayOfWeek: 1, startTime: '09:00', endTime: '17:00' }];

  it('merges overlapping and adjacent rules of one date and drops inverted ones', () => {
    const rules: WeeklyRule[] = [
      { dayOfWeek: 1, startTime: '13:00', endTime: '15:00' },
      { dayOfWeek: 1, startTime: '09:00', endTime: '11:00' },
      { dayOfWeek: 1, startTime: '10:00', endTime: '12:00' },
      { dayOfWeek: 1, startTime: '12:00', endTime: '12:30' },
      { dayOfWeek: 1, startTime: '16:00', endTime: '15:00' },
    ];
    expect(windowsOn('2026-03-09', 'UTC', rules)).toEqual([
      ['2026-03-09T09:00:00Z', '2026-03-09T12:30:00Z'],
      ['2026-03-09T13:00:00Z', '2026-03-09T15:00:00Z'],
    ]);
  });

  it('replaces the weekday rules with an override’s hours', () => {
    const overrides: DateOverride[] = [
      { date: '2026-03-09', startTime: '07:00', endTime: '08:00' },
      { date: '2026-03-09', startTime: '18:00', endTime: '19:00' },
    ];
    expect(windowsOn('2026-03-09', 'UTC', mondayNineToFive, overrides)).toEqual([
      ['2026-03-09T07:00:00Z', '2026-03-09T08:00:00Z'],
      ['2026-03-09T18:00:00Z', '2026-03-09T19:00:00Z'],
    ]);
    expect(windowsOn('2026-03-16', 'UTC', mondayNineToFive, overrides)).toEqual([['2026-03-16T09:00:00Z', '2026-03-16T17:00:00Z']]);
  });

  it('closes the whole date when any override row of it has both times null', () => {
    const overrides: DateOverride[] = [
      { date: '2026-03-09', startTime: '07:00', endTime: '08:00' },
      { date: '2026-03-09', startTime: null, endTime: null },
    ];
    expect(windowsOn('2026-03-09', 'UTC', mondayNineToFive, overrides)).toEqual([]);
  });

  it('opens a date that has no weekly rule when an override gives it hours', () => {
    const overrides: DateOverride[] = [{ date: '2026-03-08', startTime: '10:00', endTime: '24:00' }];
    expect(windowsOn('2026-03-08', 'America/New_York', mondayNineToFive, overrides)).toEqual([
      ['2026-03-08T14:00:00Z', '2026-03-09T04:00:00Z'],
    ]);
  });

  it('keeps every window inside its own date, tiled in order', () => {
    const range: Interval = { start: at('2026-03-01T00:00:00Z'), end: at('2026-04-01T00:00:00Z') };
    const rules = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime: '00:00', endTime: '24:00' }));
    const days = availabilityByDay({ rules, overrides: [] }, createZoneClock('Australia/Lord_Howe'), range);
    days.forEach((day, index) => {
      expect(day.windows).toEqual([day.span]);
      if (index > 0) expect(day.span.start).toBe(days[index - 1]?.span.end);
    });
  });
});
