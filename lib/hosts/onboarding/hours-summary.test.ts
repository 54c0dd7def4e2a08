import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_HOURS } from '@/lib/hosts/accounts/create-host';
import { summarizeWeeklyHours } from './hours-summary';

const day = (dayOfWeek: number, ...windows: [string, string][]) => ({ dayOfWeek, windows: windows.map(([startTime, endTime]) => ({ startTime, endTime })) });

describe('summarizeWeeklyHours', () => {
  it('reads a new host’s default hours as one run', () => {
    const week = DEFAULT_WEEKLY_HOURS.map((hours) => day(hours.dayOfWeek, [hours.startTime, hours.endTime]));
    expect(summarizeWeeklyHours(week)).toBe('Mon–Fri, 9:00–17:00');
  });

  it('splits runs where the hours change, keeps lone days single and puts Sunday last', () => {
    const week = [day(0, ['10:00', '12:00']), day(1, ['09:00', '12:00'], ['13:00', '17:00']), day(2, ['09:00', '12:00'], ['13:00', '17:00']), day(3, ['08:00', '24:00']), day(5, ['08:00', '24:00'])];
    expect(summarizeWeeklyHours(week)).toBe('Mon–Tue, 9:00–12:00, 13:00–17:00; Wed, 8:00–24:00; Fri, 8:00–24:00; Sun, 10:00–12:00');
  });

  it('says so when no day has hours', () => {
    expect(summarizeWeeklyHours([])).toBe('No weekly hours');
    expect(summarizeWeeklyHours([day(1)])).toBe('No weekly hours');
  });
});
