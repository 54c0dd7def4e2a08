import { describe, expect, it } from 'vitest';
import { MAX_WINDOWS_PER_DAY } from '@/lib/hosts/availability/limits';
import { WORKING_DAYS } from '@/lib/hosts/availability/weekdays';
import fc from 'fast-check';
import { copyToDays, DEFAULT_WINDOW, editableWeek, nextWindow, updateDay, weeklyHoursInput, withoutWindow } from './week-editing';

const w = (startTime: string, endTime: string) => ({ startTime, endTime });

describe('editableWeek and weeklyHoursInput', () => {
  it('gives seven days indexed by day number; a day without windows is off, with a window ready to switch on', () => {
    const week = editableWeek([{ dayOfWeek: 2, windows: [w('08:00', '12:00')] }]);
    expect(week.map((day) => day.dayOfWeek)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(week[2]).toEqual({ dayOfWeek: 2, available: true, windows: [w('08:00', '12:00')] });
    expect(week[3]).toEqual({ dayOfWeek: 3, available: false, windows: [DEFAULT_WINDOW] });
  });

  it('sends windows only for days that are switched on', () => {
    const week = updateDay(editableWeek([{ dayOfWeek: 1, windows: [w('09:00', '17:00')] }]), 1, (day) => ({ ...day, available: false }));
    expect(weeklyHoursInput(week).days.every((day) => day.windows.length === 0)).toBe(true);
    const back = updateDay(week, 1, (day) => ({ ...day, available: true }));
    expect(weeklyHoursInput(back).days[1]).toEqual({ dayOfWeek: 1, windows: [w('09:00', '17:00')] });
  });
});

describe('nextWindow', () => {
  it('adds an hour after the latest window, then what is left of the day, then nothing', () => {
    expect(nextWindow([])).toEqual(DEFAULT_WINDOW);
    expect(nextWindow([w('13:00', '17:00'), w('09:00', '12:00')])).toEqual(w('17:00', '18:00'));
    expect(nextWindow([w('20:00', '23:30')])).toEqual(w('23:30', '24:00'));
    expect(nextWindow([w('20:00', '24:00')])).toBeNull();
  });

  it(`offers nothing once a day has ${MAX_WINDOWS_PER_DAY} windows`, () => {
    const full = Array.from({ length: MAX_WINDOWS_PER_DAY }, (_, i) => w(`${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`));
    expect(nextWindow(full)).toBeNull();
  });
});

describe('withoutWindow', () => {
  it('removes one window, and switches the day off when it removes the last', () => {
    const day = { dayOfWeek: 1, available: true, windows: [w('09:00', '12:00'), w('13:00', '17:00')] };
    expect(withoutWindow(day, 0).windows).toEqual([w('13:00', '17:00')]);
    expect(withoutWindow(withoutWindow(day, 0), 0)).toEqual({ dayOfWeek: 1, available: false, windows: [DEFAULT_WINDOW] });
  });
});

describe('copyToDays', () => {
  it('gives Monday to Friday the chosen day’s hours and leaves the weekend alone', () => {
    const week = editableWeek([
      { dayOfWeek: 3, windows: [w('08:00', '12:00'), w('13:00', '24:00')] },
      { dayOfWeek: 6, windows: [w('10:00', '14:00')] },
      { dayOfWeek: 1, windows: [w('09:00', '17:00')] },
    ]);
    const copied = copyToDays(week, 3, WORKING_DAYS);
    for (const day of [1, 2, 3, 4, 5]) expect(copied[day]).toEqual({ dayOfWeek: day, available: true, windows: [w('08:00', '12:00'), w('13:00', '24:00')] });
    expect(copied[6]).toEqual(week[6]);
    expect(copied[0]).toEqual(week[0]);
  });

  it('copies a day that is off as off', () => {
    const week = editableWeek([{ dayOfWeek: 1, windows: [w('09:00', '17:00')] }, { dayOfWeek: 2, windows: [w('09:00', '17:00')] }]);
    const copied = copyToDays(week, 0, WORKING_DAYS);
    expect([1, 2, 3, 4, 5].map((day) => copied[day]?.available)).toEqual([false, false, false, false, false]);
  });

  it('gives each day its own copy of the windows', () => {
    const copied = copyToDays(editableWeek([{ dayOfWeek: 1, windows: [w('09:00', '17:00')] }]), 1, WORKING_DAYS);
    expect(copied[2]?.windows[0]).not.toBe(copied[3]?.windows[0]);
  });

  it('copies to any chosen days: Tuesday’s hours to Thursday and Sunday only', () => {
    const week = editableWeek([{ dayOfWeek: 2, windows: [w('07:00', '11:00')] }, { dayOfWeek: 4, windows: [w('09:00', '17:00')] }]);
    const copied = copyToDays(week, 2, [4, 0]);
    expect(copied[4]).toEqual({ dayOfWeek: 4, available: true, windows: [w('07:00', '11:00')] });
    expect(copied[0]).toEqual({ dayOfWeek: 0, available: true, windows: [w('07:00', '11:00')] });
    for (const day of [1, 3, 5, 6]) expect(copied[day]).toEqual(week[day]);
  });

  const windowArb = fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 })).map(([start, length]) => {
    const clock = (quarter: number) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
    return w(clock(start), clock(Math.min(start + length, 96)));
  });
  const weekArb = fc.array(fc.record({ dayOfWeek: fc.integer({ min: 0, max: 6 }), windows: fc.array(windowArb, { maxLength: 3 }) }), { maxLength: 7 }).map(editableWeek);

  it('gives every chosen day the source’s hours, changes no other day, and leaves the source as it was', () => {
    fc.assert(
      fc.property(weekArb, fc.integer({ min: 0, max: 6 }), fc.subarray([0, 1, 2, 3, 4, 5, 6]), (week, from, targets) => {
        const copied = copyToDays(week, from, targets);
        expect(copied).toHaveLength(7);
        for (const day of copied) {
          const expected = targets.includes(day.dayOfWeek) ? { ...week[from]!, dayOfWeek: day.dayOfWeek } : week[day.dayOfWeek];
          expect(day).toEqual(expected);
        }
        // Copying twice changes nothing more.
        expect(copyToDays(copied, from, targets)).toEqual(copied);
      }),
    );
  });
});
