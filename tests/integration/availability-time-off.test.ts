import { describe, expect, it, vi } from 'vitest';
import { defaultScheduleOf } from '@/lib/hosts/schedules/rows';
import { addTimeOffAction } from '@/app/dashboard/availability/actions';
import { availabilityOverrides } from '@/db/schema';
import { MAX_UPCOMING_OVERRIDE_DATES } from '@/lib/hosts/availability/limits';
import { MAX_TIME_OFF_DAYS } from '@/lib/hosts/availability/time-off-dates';
import { addDays } from '@/lib/scheduling';
import { createBookableHost, createHost, createOverride } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { offeredTimes, overridesOf as overridesOfHost, todayIn, upcoming } from './availability-editing';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// Quick time off: a range of days, or several dates, off in one round trip; the public page follows.

const database = connectTestDatabase();
const MONDAY = 1;

const overridesOf = (hostUserId: string) => overridesOfHost(database, hostUserId);

describe('addTimeOffAction', () => {
  it('takes a range of days off in one call, both ends included; the public page offers nothing on them at once', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY);
    const friday = addDays(monday, 4);
    expect(await offeredTimes(meetingType.id, monday)).not.toEqual([]);

    const result = await addTimeOffAction({ kind: 'range', from: monday, to: friday });

    const week = [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
    expect(result).toEqual({ ok: true, data: { dates: week, replaced: [] } });
    expect(await overridesOf(host.id)).toEqual(week.map((date) => `${date} off-off`));
    for (const date of week) expect(await offeredTimes(meetingType.id, date)).toEqual([]);
    expect(await offeredTimes(meetingType.id, addDays(monday, 7))).not.toEqual([]);
  });

  it('takes separate dates, each once, and replaces a date’s own hours with the day off', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY);
    const thursday = addDays(monday, 3);
    await createOverride(database, host.id, thursday, { start: '10:00', end: '11:00' });

    const result = await addTimeOffAction({ kind: 'dates', dates: [thursday, monday, thursday] });

    expect(result).toEqual({ ok: true, data: { dates: [monday, thursday], replaced: [thursday] } });
    expect(await overridesOf(host.id)).toEqual([`${monday} off-off`, `${thursday} off-off`]);
    expect(await offeredTimes(meetingType.id, thursday)).toEqual([]);
    expect(await offeredTimes(meetingType.id, addDays(monday, 1))).not.toEqual([]);
  });

  it('says "Choose a date" beside an empty field, and writes nothing', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    expect(await addTimeOffAction({ kind: 'range', from: '', to: upcoming(MONDAY) })).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { from: 'Choose a date' } } });
    expect(await addTimeOffAction({ kind: 'dates', dates: [] })).toMatchObject({ ok: false, error: { fieldErrors: { dates: 'Choose a date' } } });
    expect(await overridesOf(host.id)).toEqual([]);
  });

  it('refuses a range that ends before it starts, one longer than the bound, and one starting before today', async () => {
    const host = await createHost(database, { timeZone: 'Pacific/Kiritimati' });
    signInAs(host.id);
    const today = todayIn('Pacific/Kiritimati');
    expect(await addTimeOffAction({ kind: 'range', from: addDays(today, 3), to: addDays(today, 2) })).toMatchObject({ ok: false, error: { fieldErrors: { to: 'The last day must be on or after the first' } } });
    expect(await addTimeOffAction({ kind: 'range', from: today, to: addDays(today, MAX_TIME_OFF_DAYS) })).toMatchObject({ ok: false, error: { fieldErrors: { to: expect.stringContaining(`${MAX_TIME_OFF_DAYS}`) } } });
    expect(await addTimeOffAction({ kind: 'range', from: addDays(today, -1), to: today })).toMatchObject({ ok: false, error: { fieldErrors: { from: 'Pick today or a later date.' } } });
    expect(await overridesOf(host.id)).toEqual([]);
    expect(await addTimeOffAction({ kind: 'range', from: today, to: today })).toMatchObject({ ok: true, data: { dates: [today] } });
  });

  it(`refuses time off that would pass ${MAX_UPCOMING_OVERRIDE_DATES} upcoming dates, counting dates it only replaces once`, async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const today = todayIn('America/New_York');
    const taken = Array.from({ length: MAX_UPCOMING_OVERRIDE_DATES - 3 }, (_, i) => addDays(today, i + 1));
    await database.insert(availabilityOverrides).values(taken.map((date) => ({ userId: host.id, scheduleId: defaultScheduleOf(host.id), date })));
    const after = addDays(today, MAX_UPCOMING_OVERRIDE_DATES);

    const tooMany = await addTimeOffAction({ kind: 'range', from: after, to: addDays(after, 3) });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`${MAX_UPCOMING_OVERRIDE_DATES}`) } });
    expect((await overridesOf(host.id)).length).toBe(taken.length);

    // Three new dates fit; dates that already have an override do not count twice.
    expect(await addTimeOffAction({ kind: 'dates', dates: [taken[0]!, taken[1]!, after, addDays(after, 1), addDays(after, 2)] })).toMatchObject({ ok: true });
    expect((await overridesOf(host.id)).length).toBe(MAX_UPCOMING_OVERRIDE_DATES);
  });

  it('writes only the signed-in host’s dates, whatever the input carries, and answers unauthorized when signed out', async () => {
    const me = await createHost(database);
    const other = await createHost(database);
    signInAs(me.id);
    const monday = upcoming(MONDAY);
    const crafted = { kind: 'range', from: monday, to: monday, hostUserId: other.id } as unknown as Parameters<typeof addTimeOffAction>[0];
    expect(await addTimeOffAction(crafted)).toMatchObject({ ok: true });
    expect(await overridesOf(other.id)).toEqual([]);
    expect(await overridesOf(me.id)).toEqual([`${monday} off-off`]);

    signInAs(null);
    expect(await addTimeOffAction({ kind: 'range', from: monday, to: monday })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
