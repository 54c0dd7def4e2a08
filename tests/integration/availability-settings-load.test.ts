import { describe, expect, it } from 'vitest';
import { loadAvailabilitySettings } from '@/lib/hosts/availability/load';
import { addDays } from '@/lib/scheduling';
import { createHost, createOverride, createWeeklyHours } from '../factories';
import { todayIn } from './availability-editing';
import { connectTestDatabase } from './db-helpers';

// What the availability page reads: the week by day, and upcoming overrides one entry per date.

const database = connectTestDatabase();

describe('loadAvailabilitySettings', () => {
  it('gives seven days with their windows in order, HH:MM, and 24:00 kept', async () => {
    const host = await createHost(database, { timeZone: 'Europe/London' });
    await createWeeklyHours(database, host.id, { days: [1], start: '13:00', end: '24:00' });
    await createWeeklyHours(database, host.id, { days: [1, 3], start: '08:00', end: '12:00' });
    const settings = (await loadAvailabilitySettings(database, host.id, Date.now()))!;
    expect(settings.timeZone).toBe('Europe/London');
    expect(settings.today).toBe(todayIn('Europe/London'));
    expect(settings.weeklyHours.map((day) => day.dayOfWeek)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(settings.weeklyHours[1]?.windows).toEqual([
      { startTime: '08:00', endTime: '12:00' },
      { startTime: '13:00', endTime: '24:00' },
    ]);
    expect(settings.weeklyHours[3]?.windows).toEqual([{ startTime: '08:00', endTime: '12:00' }]);
    expect(settings.weeklyHours[0]?.windows).toEqual([]);
  });

  it('lists overrides from today on, one per date, earliest first; a date-off row wins as in the engine', async () => {
    const host = await createHost(database);
    const today = todayIn('America/New_York');
    await createOverride(database, host.id, addDays(today, -1), null);
    await createOverride(database, host.id, addDays(today, 9), { start: '14:00', end: '15:00' });
    await createOverride(database, host.id, addDays(today, 9), { start: '09:00', end: '10:00' });
    await createOverride(database, host.id, today, null);
    await createOverride(database, host.id, addDays(today, 3), { start: '09:00', end: '10:00' });
    await createOverride(database, host.id, addDays(today, 3), null);
    const { upcomingOverrides } = (await loadAvailabilitySettings(database, host.id, Date.now()))!;
    expect(upcomingOverrides).toEqual([
      { date: today, unavailable: true, windows: [] },
      { date: addDays(today, 3), unavailable: true, windows: [] },
      {
        date: addDays(today, 9),
        unavailable: false,
        windows: [
          { startTime: '09:00', endTime: '10:00' },
          { startTime: '14:00', endTime: '15:00' },
        ],
      },
    ]);
  });
});
