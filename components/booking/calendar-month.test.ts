import { describe, expect, it } from 'vitest';
import { addMonths, bookableRange, formatMonth, lastDayOfMonth, monthWeeks, weekdayNames } from './calendar-month';

describe('calendar months', () => {
  it('steps across year ends in both directions', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
  });

  it('knows the last day of February in leap and common years', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2027-02')).toBe('2027-02-28');
  });

  it('lays a month out in Sunday-first weeks, padded with null', () => {
    const weeks = monthWeeks('2026-11'); // 1 November 2026 is a Sunday
    expect(weeks[0]?.[0]).toBe('2026-11-01');
    expect(weeks.at(-1)).toEqual(['2026-11-29', '2026-11-30', null, null, null, null, null]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(monthWeeks('2027-02')[0]?.slice(0, 2)).toEqual([null, '2027-02-01']); // a Monday
  });

  it('names a month in English', () => {
    expect(formatMonth('2026-11')).toBe('November 2026');
  });

  it('lays a month out in Monday-first weeks and names the days in the invitee’s language', () => {
    expect(monthWeeks('2026-11', 1)[0]).toEqual([null, null, null, null, null, null, '2026-11-01']); // a Sunday
    expect(monthWeeks('2027-02', 1)[0]?.[0]).toBe('2027-02-01'); // a Monday
    expect(formatMonth('2026-12', 'fr')).toBe('décembre 2026');
    expect(weekdayNames('de', 1).map((day) => day.long)).toEqual(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
    expect(weekdayNames('en', 0)[0]).toEqual({ short: 'Sun', long: 'Sunday' });
  });

  it('limits a month to the days between today and the booking horizon', () => {
    expect(bookableRange('2026-11', '2026-11-24', '2027-01-23')).toEqual({ start: '2026-11-24', end: '2026-11-30' });
    expect(bookableRange('2027-01', '2026-11-24', '2027-01-23')).toEqual({ start: '2027-01-01', end: '2027-01-23' });
    expect(bookableRange('2027-02', '2026-11-24', '2027-01-23')).toBeNull();
    expect(bookableRange('2026-10', '2026-11-24', '2027-01-23')).toBeNull();
  });
});
