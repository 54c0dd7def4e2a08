import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { saveTimeZoneAction, saveWeeklyHoursAction } from '@/app/dashboard/availability/actions';
import { availabilityRules, users } from '@/db/schema';
import { cacheStore } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { createBookableHost, createHost, createWeeklyHours } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { offeredTimes, upcoming } from './availability-editing';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// The weekly hours and time zone actions: what the public page offers changes on its next request.

const database = connectTestDatabase();
const MONDAY = 1;
const TUESDAY = 2;

async function rulesOf(hostUserId: string) {
  const rows = await database.select().from(availabilityRules).where(eq(availabilityRules.userId, hostUserId));
  return rows.map((r) => `${r.dayOfWeek} ${r.startTime}-${r.endTime}`).sort();
}

async function zoneOf(hostUserId: string) {
  const [row] = await database.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, hostUserId));
  return row?.timeZone;
}

describe('saveWeeklyHoursAction', () => {
  it('replaces the week, and the public availability shows the new hours on the very next request', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY);
    const tuesday = upcoming(TUESDAY);
    expect((await offeredTimes(meetingType.id, monday))[0]).toBe('09:00'); // cached from here on

    const result = await saveWeeklyHoursAction({
      days: [
        { dayOfWeek: MONDAY, windows: [{ startTime: '13:00', endTime: '24:00' }, { startTime: '10:00', endTime: '12:00' }] },
        { dayOfWeek: TUESDAY, windows: [] },
      ],
    });

    expect(result).toEqual({
      ok: true,
      data: {
        days: [
          { dayOfWeek: MONDAY, windows: [{ startTime: '10:00', endTime: '12:00' }, { startTime: '13:00', endTime: '24:00' }] },
          { dayOfWeek: TUESDAY, windows: [] },
        ],
      },
    });
    expect(await rulesOf(host.id)).toEqual(['1 10:00:00-12:00:00', '1 13:00:00-24:00:00']);
    const mondayTimes = await offeredTimes(meetingType.id, monday);
    expect(mondayTimes[0]).toBe('10:00');
    expect(mondayTimes).not.toContain('12:00');
    expect(mondayTimes).toContain('13:00');
    expect(mondayTimes.at(-1)).toBe('23:30'); // a 30-minute meeting ending at midnight
    expect(await offeredTimes(meetingType.id, tuesday)).toEqual([]);
  });

  it('names the day whose windows overlap and changes nothing', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const before = await readHostVersion(cacheStore(), host.id);
    const result = await saveWeeklyHoursAction({
      days: [{ dayOfWeek: 3, windows: [{ startTime: '09:00', endTime: '12:00' }, { startTime: '11:30', endTime: '14:00' }] }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fieldErrors: { 'days.0.windows': 'Wednesday: 09:00–12:00 overlaps 11:30–14:00' } },
    });
    expect(await rulesOf(host.id)).toHaveLength(5);
    expect(await readHostVersion(cacheStore(), host.id)).toBe(before);
    expect((await offeredTimes(meetingType.id, upcoming(3)))[0]).toBe('09:00');
  });

  it('refuses a window that ends before it starts, beside its end time', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const result = await saveWeeklyHoursAction({ days: [{ dayOfWeek: MONDAY, windows: [{ startTime: '17:00', endTime: '09:00' }] }] });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { 'days.0.windows.0.endTime': 'End must be after start' } } });
  });

  it('answers unauthorized when signed out, and writes nothing', async () => {
    const host = await createHost(database);
    await createWeeklyHours(database, host.id);
    signInAs(null);
    const result = await saveWeeklyHoursAction({ days: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await rulesOf(host.id)).toHaveLength(5);
  });

  it('changes only the signed-in host’s week, whatever host id the input carries', async () => {
    const me = await createHost(database);
    const other = await createHost(database);
    await createWeeklyHours(database, other.id);
    signInAs(me.id);
    const crafted = { days: [], hostUserId: other.id, userId: other.id } as unknown as Parameters<typeof saveWeeklyHoursAction>[0];
    expect(await saveWeeklyHoursAction(crafted)).toMatchObject({ ok: true });
    expect(await rulesOf(other.id)).toHaveLength(5);
  });
});

describe('saveTimeZoneAction', () => {
  it('stores the canonical zone, and the weekly hours are read in it on the next request', async () => {
    const { host, meetingType } = await createBookableHost(database);
    signInAs(host.id);
    const monday = upcoming(MONDAY, 'Asia/Tokyo');
    expect((await offeredTimes(meetingType.id, monday, 'Asia/Tokyo'))[0]).not.toBe('09:00');

    expect(await saveTimeZoneAction({ timeZone: 'asia/tokyo' })).toEqual({ ok: true, data: { timeZone: 'Asia/Tokyo' } });
    expect(await zoneOf(host.id)).toBe('Asia/Tokyo');
    expect((await offeredTimes(meetingType.id, monday, 'Asia/Tokyo'))[0]).toBe('09:00');
  });

  it('refuses an unknown zone beside the field and keeps the old one', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const result = await saveTimeZoneAction({ timeZone: 'Mars/Olympus_Mons' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { timeZone: 'Unknown IANA time zone' } } });
    expect(await zoneOf(host.id)).toBe('America/New_York');
  });

  it('answers unauthorized when signed out', async () => {
    signInAs(null);
    expect(await saveTimeZoneAction({ timeZone: 'Europe/Paris' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('changes only the signed-in host’s zone, whatever host id the input carries', async () => {
    const me = await createHost(database);
    const other = await createHost(database);
    signInAs(me.id);
    const crafted = { timeZone: 'Europe/Paris', hostUserId: other.id, id: other.id } as unknown as Parameters<typeof saveTimeZoneAction>[0];
    expect(await saveTimeZoneAction(crafted)).toMatchObject({ ok: true });
    expect(await zoneOf(me.id)).toBe('Europe/Paris');
    expect(await zoneOf(other.id)).toBe('America/New_York');
  });
});
