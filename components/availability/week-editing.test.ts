import { describe, expect, it } from 'vitest';
import { MAX_WINDOWS_PER_DAY } from '@/lib/hosts/availability/limits';
import { copyToWorkingDays, DEFAULT_WINDOW, editableWeek, nextWindow, updateDay, weeklyHoursInput, withoutWindow } from './week-editing';

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

describe('copyToWorkingDays', () => {
  it('gives Monday to Friday the chosen day’s hours and leaves the weekend alone', () => {
    const week = editableWeek([
      { dayOfWeek: 3, windows: [w('08:00', '12:00'), w('13:00', '24:00')] },
      { dayOfWeek: 6, windows: [w('10:00', '14:00')] },
      { dayOfWeek: 1, windows: [w('09:00', '17:00')] },
    ]);
    const copied = copyToWorkingDays(week, 3);
    for (const day of [1, 2, 3, 4, 5]) expect(copied[day]).toEqual({ dayOfWeek: day, available: true, windows: [w('08:00', '12:00'), w('13:00', '24:00')] });
    expect(copied[6]).toEqual(week[6]);
    expect(copied[0]).toEqual(week[0]);
  });

  it('copies a day that is off as off', () => {
    const week = editableWeek([{ dayOfWeek: 1, windows: [w('09:00', '17:00')] }, { dayOfWeek: 2, windows: [w('09:00', '17:00')] }]);
    const copied = copyToWorkingDays(week, 0);
    expect([1, 2, 3, 4, 5].map((day) => copied[day]?.available)).toEqual([false, false, false, false, false]);
  });

  it('gives each day its own copy of the windows', () => {
    const copied = copyToWorkingDays(editableWeek([{ dayOfWeek: 1, windows: [w('09:00', '17:00')] }]), 1);
    expect(copied[2]?.windows[0]).not.toBe(copied[3]?.windows[0]);
  });
});
