import { describe, expect, it } from 'vitest';
import { findOverlap, formatWindow, minutesOfDay, sortWindows, toHoursAndMinutes } from './wall-windows';

const w = (startTime: string, endTime: string) => ({ startTime, endTime });

describe('minutesOfDay', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:45', 1425],
    ['24:00', 1440],
    ['17:15:00', 1035],
  ])('reads %s as %i minutes', (time, minutes) => {
    expect(minutesOfDay(time)).toBe(minutes);
  });
});

describe('findOverlap', () => {
  it('finds no overlap in an empty day or a single window', () => {
    expect(findOverlap([])).toBeNull();
    expect(findOverlap([w('09:00', '17:00')])).toBeNull();
  });

  it('lets windows touch: a morning ending at 12:00 and an afternoon starting at 12:00', () => {
    expect(findOverlap([w('12:00', '17:00'), w('09:00', '12:00')])).toBeNull();
  });

  it('reports two windows that share one minute, earliest first, whatever the input order', () => {
    expect(findOverlap([w('11:59', '13:00'), w('09:00', '12:00')])).toEqual([w('09:00', '12:00'), w('11:59', '13:00')]);
  });

  it('reports a window wholly inside another', () => {
    expect(findOverlap([w('08:00', '18:00'), w('20:00', '24:00'), w('10:00', '11:00')])).toEqual([w('08:00', '18:00'), w('10:00', '11:00')]);
  });

  it('reports two identical windows', () => {
    expect(findOverlap([w('09:00', '10:00'), w('09:00', '10:00')])).not.toBeNull();
  });

  it('treats 24:00 as the end of the day, after 23:45', () => {
    expect(findOverlap([w('22:00', '24:00'), w('23:45', '24:00')])).toEqual([w('22:00', '24:00'), w('23:45', '24:00')]);
  });
});

describe('sortWindows and formatting', () => {
  it('sorts by start, then end, without changing its input', () => {
    const input = [w('13:00', '17:00'), w('09:00', '12:00'), w('09:00', '10:00')];
    expect(sortWindows(input)).toEqual([w('09:00', '10:00'), w('09:00', '12:00'), w('13:00', '17:00')]);
    expect(input[0]).toEqual(w('13:00', '17:00'));
  });

  it('shows Postgres times as HH:MM and a window as start–end', () => {
    expect(toHoursAndMinutes('24:00:00')).toBe('24:00');
    expect(formatWindow(w('09:00', '24:00'))).toBe('09:00–24:00');
  });
});
