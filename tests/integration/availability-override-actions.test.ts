import { describe, expect, it, vi } from 'vitest';
import { defaultScheduleOf } from '@/lib/hosts/schedules/rows';
import { removeDateOverrideAction, saveDateOverrideAction } from '@/app/dashboard/availability/actions';
import { availabilityOverrides } from '@/db/schema';
import { MAX_UPCOMING_OVERRIDE_DATES } from '@/lib/hosts/availability/limits';
import { addDays } from '@/lib/scheduling';
import { createBookableHost, createHost, createOverride } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { offeredTimes, overridesOf as overridesOfHost, todayIn, upcoming } from './availability-editing';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// Date overrides from the dashboard: add, edit, remove; the public page follows on its next request.

const database = connectTestDatabase();
const MONDAY = 1;
const window = (startTime: string, endTime: string) => ({ startTime, endTime });

const overridesOf = (hostUserId: string, date?: string) => overridesOfHost(database, hostUserId, date);

describe('saveDateOverrideAction', () => {
  it('asks for a date beside the field when none was picked, and stores nothing', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const result = await saveDateOverrideAction({ date: '', unavailable: true, windows: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { date: 'Choose a date' } } });
    expect(await overridesOf(host.id)).toEqual([]);
  });

  it('makes a date unavailable all day, at once on the public page, leaving other dates alone', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY);
    expect(await offeredTimes(meetingType.id, monday)).not.toEqual([]);

    const result = await saveDateOverrideAction({ date: monday, unavailable: true, windows: [window('09:00', '10:00')] });

    expect(result).toEqual({ ok: true, data: { date: monday, unavailable: true, windows: [] } });
    expect(await overridesOf(host.id)).toEqual([`${monday} off-off`]);
    expect(await offeredTimes(meetingType.id, monday)).toEqual([]);
    expect(await offeredTimes(meetingType.id, addDays(monday, 1))).not.toEqual([]);
  });

  it('gives a date its own windows, up to the end of the day', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY);
    await offeredTimes(meetingType.id, monday);

    const result = await saveDateOverrideAction({ date: monday, unavailable: false, windows: [window('23:00', '24:00'), window('07:00', '08:00')] });

    expect(result).toMatchObject({ ok: true, data: { windows: [window('07:00', '08:00'), window('23:00', '24:00')] } });
    expect(await offeredTimes(meetingType.id, monday)).toEqual(['07:00', '07:15', '07:30', '23:00', '23:15', '23:30']);
  });

  it('edits an override, moving it to another date and giving the old date back to the weekly hours', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY);
    const tuesday = addDays(monday, 1);
    await createOverride(database, host.id, monday, null);
    expect(await offeredTimes(meetingType.id, monday)).toEqual([]);

    const result = await saveDateOverrideAction({ date: tuesday, originalDate: monday, unavailable: false, windows: [window('12:00', '13:00')] });

    expect(result).toMatchObject({ ok: true });
    expect(await overridesOf(host.id)).toEqual([`${tuesday} 12:00:00-13:00:00`]);
    expect((await offeredTimes(meetingType.id, monday))[0]).toBe('09:00');
    expect(await offeredTimes(meetingType.id, tuesday)).toEqual(['12:00', '12:15', '12:30']);
  });

  it('refuses overlapping windows and a window that ends before it starts, beside the fields', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const date = upcoming(MONDAY);
    expect(await saveDateOverrideAction({ date, unavailable: false, windows: [window('09:00', '11:00'), window('10:00', '12:00')] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fieldErrors: { windows: '09:00–11:00 overlaps 10:00–12:00' } },
    });
    expect(await saveDateOverrideAction({ date, unavailable: false, windows: [window('11:00', '10:00')] })).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'windows.0.endTime': 'End must be after start' } },
    });
    expect(await overridesOf(host.id)).toEqual([]);
  });

  it('refuses a date before today in the host’s zone, but accepts today', async () => {
    const host = await createHost(database, { timeZone: 'Pacific/Kiritimati' });
    signInAs(host.id);
    const today = todayIn('Pacific/Kiritimati');
    expect(await saveDateOverrideAction({ date: addDays(today, -1), unavailable: true, windows: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fieldErrors: { date: 'Pick today or a later date.' } },
    });
    expect(await saveDateOverrideAction({ date: today, unavailable: true, windows: [] })).toMatchObject({ ok: true });
    expect(await overridesOf(host.id)).toEqual([`${today} off-off`]);
  });

  it('refuses to add a second override for a date that has one, and keeps the first', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const date = upcoming(MONDAY);
    await createOverride(database, host.id, date, { start: '10:00', end: '11:00' });
    expect(await saveDateOverrideAction({ date, unavailable: true, windows: [] })).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { date: expect.any(String) } } });
    expect(await overridesOf(host.id)).toEqual([`${date} 10:00:00-11:00:00`]);
  });

  it(`refuses more than ${MAX_UPCOMING_OVERRIDE_DATES} upcoming dates, counting past ones out`, async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const today = todayIn('America/New_York');
    const dates = Array.from({ length: MAX_UPCOMING_OVERRIDE_DATES }, (_, i) => addDays(today, i + 1));
    await database.insert(availabilityOverrides).values([...dates, addDays(today, -3)].map((date) => ({ userId: host.id, scheduleId: defaultScheduleOf(host.id), date })));

    const next = addDays(today, MAX_UPCOMING_OVERRIDE_DATES + 1);
    expect(await saveDateOverrideAction({ date: next, unavailable: true, windows: [] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Editing one of them does not add a date, so it is allowed.
    expect(await saveDateOverrideAction({ date: dates[0]!, originalDate: dates[0], unavailable: false, windows: [window('09:00', '10:00')] })).toMatchObject({ ok: true });
  });

  it('answers unauthorized when signed out, and writes nothing', async () => {
    signInAs(null);
    expect(await saveDateOverrideAction({ date: upcoming(MONDAY), unavailable: true, windows: [] })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('cannot edit another host’s override: not_found, and nothing changes for either host', async () => {
    const me = await createHost(database);
    const other = await createHost(database);
    const date = upcoming(MONDAY);
    await createOverride(database, other.id, date, null);
    signInAs(me.id);

    const crafted = { date: addDays(date, 1), originalDate: date, unavailable: false, windows: [window('09:00', '10:00')], hostUserId: other.id };
    expect(await saveDateOverrideAction(crafted)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await overridesOf(other.id)).toEqual([`${date} off-off`]);
    expect(await overridesOf(me.id)).toEqual([]);

    // The same date is free for me: another host's override is not a conflict, and stays as it was.
    expect(await saveDateOverrideAction({ date, unavailable: false, windows: [window('09:00', '10:00')] })).toMatchObject({ ok: true });
    expect(await overridesOf(other.id)).toEqual([`${date} off-off`]);
  });
});

describe('removeDateOverrideAction', () => {
  it('removes every window of the date, and the weekly hours come back on the next request', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY);
    await createOverride(database, host.id, monday, { start: '10:00', end: '11:00' });
    await createOverride(database, host.id, monday, { start: '14:00', end: '15:00' });
    expect((await offeredTimes(meetingType.id, monday))[0]).toBe('10:00');

    expect(await removeDateOverrideAction({ date: monday })).toEqual({ ok: true, data: { date: monday } });
    expect(await overridesOf(host.id)).toEqual([]);
    expect((await offeredTimes(meetingType.id, monday))[0]).toBe('09:00');
  });

  it('removes a date in the past', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const lastWeek = addDays(todayIn('America/New_York'), -7);
    await createOverride(database, host.id, lastWeek, null);
    expect(await removeDateOverrideAction({ date: lastWeek })).toMatchObject({ ok: true });
    expect(await overridesOf(host.id)).toEqual([]);
  });

  it('answers not_found for another host’s date, which keeps its override', async () => {
    const me = await createHost(database);
    const other = await createHost(database);
    const date = upcoming(MONDAY);
    await createOverride(database, other.id, date, { start: '10:00', end: '11:00' });
    signInAs(me.id);
    const crafted = { date, hostUserId: other.id } as unknown as Parameters<typeof removeDateOverrideAction>[0];
    expect(await removeDateOverrideAction(crafted)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await overridesOf(other.id, date)).toEqual([`${date} 10:00:00-11:00:00`]);
  });

  it('refuses a malformed date beside the field', async () => {
    signInAs((await createHost(database)).id);
    expect(await removeDateOverrideAction({ date: '2030-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { date: expect.any(String) } } });
  });

  it('answers unauthorized when signed out', async () => {
    signInAs(null);
    expect(await removeDateOverrideAction({ date: upcoming(MONDAY) })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
