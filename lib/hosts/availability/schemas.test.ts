import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/actions/action-result';
import { MAX_WINDOWS_PER_DAY } from './limits';
import { dateOverrideInputSchema, timeOffInputSchema, timeZoneInputSchema, weeklyHoursSchema } from './schemas';
import { MAX_TIME_OFF_DAYS } from './time-off-dates';

const w = (startTime: string, endTime: string) => ({ startTime, endTime });

function errorsOf(result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) {
  return result.error ? fieldErrorsOf(result.error) : {};
}

describe('weeklyHoursSchema', () => {
  it('accepts several windows a day, a window ending at 24:00 and days without windows', () => {
    const week = { days: [{ dayOfWeek: 1, windows: [w('09:00', '12:00'), w('13:00', '24:00')] }, { dayOfWeek: 0, windows: [] }] };
    expect(weeklyHoursSchema.parse(week)).toEqual(week);
  });

  it('names the day whose windows overlap, beside that day', () => {
    const result = weeklyHoursSchema.safeParse({ days: [{ dayOfWeek: 0, windows: [] }, { dayOfWeek: 3, windows: [w('09:00', '12:00'), w('11:00', '13:00')] }] });
    expect(errorsOf(result)).toEqual({ 'days.1.windows': 'Wednesday: 09:00–12:00 overlaps 11:00–13:00' });
  });

  it('puts "end must be after start" on the end field', () => {
    const result = weeklyHoursSchema.safeParse({ days: [{ dayOfWeek: 2, windows: [w('10:00', '09:00')] }] });
    expect(errorsOf(result)).toEqual({ 'days.0.windows.0.endTime': 'End must be after start' });
  });

  it('blames only the start when the start is malformed', () => {
    const result = weeklyHoursSchema.safeParse({ days: [{ dayOfWeek: 2, windows: [w('9am', '17:00')] }] });
    expect(errorsOf(result)).toEqual({ 'days.0.windows.0.startTime': 'Enter a time as HH:MM, from 00:00 to 24:00' });
  });

  it.each(['9:00', '09:00:30', '24:15', '25:00', ''])('refuses the time %j', (time) => {
    expect(weeklyHoursSchema.safeParse({ days: [{ dayOfWeek: 1, windows: [w(time, '17:00')] }] }).success).toBe(false);
  });

  it('refuses a day twice, more than seven days and more than the windows a day allows', () => {
    expect(weeklyHoursSchema.safeParse({ days: [{ dayOfWeek: 1, windows: [] }, { dayOfWeek: 1, windows: [] }] }).success).toBe(false);
    expect(weeklyHoursSchema.safeParse({ days: Array.from({ length: 8 }, (_, i) => ({ dayOfWeek: i % 7, windows: [] })) }).success).toBe(false);
    const many = Array.from({ length: MAX_WINDOWS_PER_DAY + 1 }, (_, i) => w(`${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`));
    expect(weeklyHoursSchema.safeParse({ days: [{ dayOfWeek: 1, windows: many }] }).success).toBe(false);
  });
});

describe('dateOverrideInputSchema', () => {
  it('accepts a date off all day with no windows', () => {
    expect(dateOverrideInputSchema.parse({ date: '2030-01-02', unavailable: true, windows: [] })).toMatchObject({ unavailable: true });
  });

  it('asks for a window when the date is not off', () => {
    expect(errorsOf(dateOverrideInputSchema.safeParse({ date: '2030-01-02', unavailable: false, windows: [] }))).toEqual({
      windows: 'Add at least one window, or mark the date unavailable',
    });
  });

  it('refuses overlapping windows and impossible dates', () => {
    expect(errorsOf(dateOverrideInputSchema.safeParse({ date: '2030-01-02', unavailable: false, windows: [w('09:00', '10:00'), w('09:30', '11:00')] }))).toEqual({
      windows: '09:00–10:00 overlaps 09:30–11:00',
    });
    expect(dateOverrideInputSchema.safeParse({ date: '2030-02-30', unavailable: true, windows: [] }).success).toBe(false);
  });

  it('says "Choose a date" beside an empty date', () => {
    expect(errorsOf(dateOverrideInputSchema.safeParse({ date: '', unavailable: true, windows: [] }))).toEqual({ date: 'Choose a date' });
  });
});

describe('timeZoneInputSchema', () => {
  it('canonicalises the zone and refuses unknown ones', () => {
    expect(timeZoneInputSchema.parse({ timeZone: 'europe/berlin' })).toEqual({ timeZone: 'Europe/Berlin' });
    expect(timeZoneInputSchema.safeParse({ timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
  });
});

describe('timeOffInputSchema', () => {
  it('takes a range, both ends included, and separate dates', () => {
    expect(timeOffInputSchema.parse({ kind: 'range', from: '2030-01-02', to: '2030-01-02' })).toEqual({ kind: 'range', from: '2030-01-02', to: '2030-01-02' });
    expect(timeOffInputSchema.parse({ kind: 'dates', dates: ['2030-01-09', '2030-01-02'] })).toMatchObject({ dates: ['2030-01-09', '2030-01-02'] });
  });

  it('asks for a date beside each empty field, not "Invalid ISO date"', () => {
    expect(errorsOf(timeOffInputSchema.safeParse({ kind: 'range', from: '', to: '' }))).toEqual({ from: 'Choose a date', to: 'Choose a date' });
    expect(errorsOf(timeOffInputSchema.safeParse({ kind: 'dates', dates: [] }))).toEqual({ dates: 'Choose a date' });
    expect(errorsOf(timeOffInputSchema.safeParse({ kind: 'dates', dates: ['2030-01-02', ' '] }))).toEqual({ 'dates.1': 'Choose a date' });
  });

  it('refuses a range that ends before it starts, or spans more than the bound', () => {
    expect(errorsOf(timeOffInputSchema.safeParse({ kind: 'range', from: '2030-01-02', to: '2030-01-01' }))).toEqual({ to: 'The last day must be on or after the first' });
    expect(timeOffInputSchema.safeParse({ kind: 'range', from: '2030-01-01', to: '2031-01-01' }).success).toBe(true);
    expect(errorsOf(timeOffInputSchema.safeParse({ kind: 'range', from: '2030-01-01', to: '2031-01-02' }))).toEqual({ to: `Take at most ${MAX_TIME_OFF_DAYS} days off at once` });
  });

  it('refuses more separate dates than the bound, and an unknown kind', () => {
    const many = Array.from({ length: MAX_TIME_OFF_DAYS + 1 }, () => '2030-01-02');
    expect(timeOffInputSchema.safeParse({ kind: 'dates', dates: many }).success).toBe(false);
    expect(timeOffInputSchema.safeParse({ kind: 'week', from: '2030-01-02' }).success).toBe(false);
  });
});
