import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/scheduling';
import { datesInRange, daysInRange, distinctDates, MAX_TIME_OFF_DAYS, timeOffDates } from './time-off-dates';

// Dates from 2000 to 2100 as "YYYY-MM-DD", leap days included.
const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('datesInRange', () => {
  it('covers both ends: one day, a week across a month end, and a leap day', () => {
    expect(datesInRange('2030-01-01', '2030-01-01')).toEqual(['2030-01-01']);
    expect(datesInRange('2030-01-29', '2030-02-02')).toEqual(['2030-01-29', '2030-01-30', '2030-01-31', '2030-02-01', '2030-02-02']);
    expect(datesInRange('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('is empty when the last day comes before the first', () => {
    expect(datesInRange('2030-01-02', '2030-01-01')).toEqual([]);
  });

  it('holds every consecutive date from `from` to `to`, as many as daysInRange counts', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: MAX_TIME_OFF_DAYS - 1 }), (from, extra) => {
        const to = addDays(from, extra);
        const dates = datesInRange(from, to);
        expect(dates.length).toBe(daysInRange(from, to));
        expect(dates.length).toBe(extra + 1);
        expect(dates[0]).toBe(from);
        expect(dates.at(-1)).toBe(to);
        dates.slice(1).forEach((date, index) => expect(date).toBe(addDays(dates[index]!, 1)));
      }),
    );
  });

  it('never yields more than the bound, however far apart the ends are', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (from, to) => {
        expect(datesInRange(from, to).length).toBeLessThanOrEqual(MAX_TIME_OFF_DAYS);
      }),
    );
  });
});

describe('distinctDates and timeOffDates', () => {
  it('keeps each date once, earliest first, whatever the order and repeats', () => {
    fc.assert(
      fc.property(fc.array(dateArb, { maxLength: 40 }), (dates) => {
        const distinct = distinctDates(dates);
        expect(new Set(distinct)).toEqual(new Set(dates));
        expect(distinct).toEqual([...distinct].sort());
        expect(new Set(distinct).size).toBe(distinct.length);
      }),
    );
  });

  it('reads a range and a list of dates alike', () => {
    expect(timeOffDates({ kind: 'range', from: '2030-03-30', to: '2030-04-01' })).toEqual(['2030-03-30', '2030-03-31', '2030-04-01']);
    expect(timeOffDates({ kind: 'dates', dates: ['2030-04-01', '2030-03-30', '2030-04-01'] })).toEqual(['2030-03-30', '2030-04-01']);
  });
});
