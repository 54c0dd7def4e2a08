import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as availabilityActions from '@/app/dashboard/availability/actions';
import { createMeetingTypeAction, updateMeetingTypeAction } from '@/app/dashboard/meeting-types/actions';
import { availabilityOverrides, availabilityRules, meetingTypes, schedules, users } from '@/db/schema';
import { GUARDED } from '@/lib/actions/host-action';
import { troubleshootAvailability } from '@/lib/availability/troubleshoot';
import { cacheStore } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { loadAvailabilitySettings } from '@/lib/hosts/availability/load';
import type { ScheduleSummary } from '@/lib/hosts/schedules/rows';
import { createBookableHost, createHost, createMeetingType, uniqueSuffix } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { offeredTimes, upcoming } from './availability-editing';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// Several schedules per host: each meeting type offers its own schedule's hours in that schedule's
// zone, every schedule write bumps the host's availability version, and another host's schedule id
// is a 404 everywhere.

const database = connectTestDatabase();
const {
  addTimeOffAction,
  createScheduleAction,
  deleteScheduleAction,
  removeDateOverrideAction,
  renameScheduleAction,
  saveDateOverrideAction,
  saveTimeZoneAction,
  saveWeeklyHoursAction,
  setDefaultScheduleAction,
} = availabilityActions;
const MONDAY = 1;

function succeeded<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** A signed-in New York host (Mon–Fri 09:00–17:00 in the default schedule) with a meeting type on it, and an "Evenings" schedule in London. */
async function hostWithEvenings() {
  const { host, meetingType } = await createBookableHost(database);
  signInAs(host.id);
  const evenings = succeeded(await createScheduleAction({ name: 'Evenings', timeZone: 'Europe/London' }));
  return { host, meetingType, evenings };
}

async function scheduleRow(id: string) {
  const [row] = await database.select().from(schedules).where(eq(schedules.id, id));
  return row;
}

function meetingTypeForm(fields: Record<string, string>) {
  const suffix = uniqueSuffix();
  const data = new FormData();
  const all = { name: `Consult ${suffix}`, slug: `consult-${suffix}`, durationMinutes: '30', bufferBeforeMinutes: '0', bufferAfterMinutes: '0', minNoticeMinutes: '0', maxDaysInFuture: '60', minChangeNoticeMinutes: '0', color: '#3B82F6', isActive: 'on', ...fields };
  for (const [key, value] of Object.entries(all)) data.set(key, value);
  return data;
}

describe('the schedule actions', () => {
  it('are all guarded by hostAction', () => {
    for (const action of Object.values(availabilityActions)) expect((action as unknown as Record<symbol, unknown>)[GUARDED]).toBe(true);
  });
});

describe('a meeting type on a schedule of its own', () => {
  it('offers that schedule’s hours in that schedule’s zone, while the default schedule’s meeting types keep theirs', async () => {
    const { host, meetingType, evenings } = await hostWithEvenings();
    expect(evenings).toMatchObject({ name: 'Evenings', timeZone: 'Europe/London', isDefault: false });
    const created = succeeded(await createMeetingTypeAction(meetingTypeForm({ scheduleId: evenings.id })));
    expect((await database.select({ scheduleId: meetingTypes.scheduleId }).from(meetingTypes).where(eq(meetingTypes.id, created.id)))[0]?.scheduleId).toBe(evenings.id);
    const monday = upcoming(MONDAY, 'Europe/London');
    expect(await offeredTimes(created.id, monday, 'Europe/London')).toEqual([]); // a new schedule has no hours; cached now

    succeeded(await saveWeeklyHoursAction({ scheduleId: evenings.id, days: [{ dayOfWeek: MONDAY, windows: [{ startTime: '18:00', endTime: '20:00' }] }] }));

    expect(await offeredTimes(created.id, monday, 'Europe/London')).toEqual(['18:00', '18:15', '18:30', '18:45', '19:00', '19:15', '19:30']);
    // The troubleshooter reads the same schedule: its zone, and only its Monday window offered.
    const explained = await troubleshootAvailability(database, { hostUserId: host.id, meetingTypeId: created.id, date: monday, now: Date.now() });
    expect(explained.timeZone).toBe('Europe/London');
    const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(explained.candidates.filter((candidate) => candidate.offered).map((candidate) => london.format(candidate.start))).toEqual(['18:00', '18:15', '18:30', '18:45', '19:00', '19:15', '19:30']);
    const nyMonday = upcoming(MONDAY);
    expect((await offeredTimes(meetingType.id, nyMonday))[0]).toBe('09:00');
    // The default schedule's rules are untouched by the other schedule's save.
    const defaultRules = await database.select().from(availabilityRules).where(and(eq(availabilityRules.userId, host.id), eq(availabilityRules.scheduleId, (await loadAvailabilitySettings(database, host.id, Date.now()))!.schedule.id)));
    expect(defaultRules).toHaveLength(5);
  });

  it('follows a new default when it has no schedule of its own; one with its own schedule stays put', async () => {
    const { host, meetingType, evenings } = await hostWithEvenings();
    const pinned = await createMeetingType(database, host.id, { maxDaysInFuture: 730 });
    const working = (await loadAvailabilitySettings(database, host.id, Date.now()))!.schedule;
    await database.update(meetingTypes).set({ scheduleId: working.id }).where(eq(meetingTypes.id, pinned.id));
    succeeded(await saveWeeklyHoursAction({ scheduleId: evenings.id, days: [{ dayOfWeek: MONDAY, windows: [{ startTime: '18:00', endTime: '19:00' }] }] }));
    const monday = upcoming(MONDAY, 'Europe/London');
    expect((await offeredTimes(meetingType.id, monday))[0]).toBe('09:00');

    expect(succeeded(await setDefaultScheduleAction({ scheduleId: evenings.id }))).toMatchObject({ id: evenings.id, isDefault: true });

    expect(await offeredTimes(meetingType.id, monday, 'Europe/London')).toEqual(['18:00', '18:15', '18:30']);
    expect((await offeredTimes(pinned.id, upcoming(MONDAY)))[0]).toBe('09:00');
    expect((await scheduleRow(working.id))?.isDefault).toBe(false);
    const defaults = await database.select().from(schedules).where(and(eq(schedules.userId, host.id), eq(schedules.isDefault, true)));
    expect(defaults.map((row) => row.id)).toEqual([evenings.id]);
  });
});

describe('deleting a schedule', () => {
  it('refuses the default, and one a meeting type uses (naming it); once free, takes its hours with it', async () => {
    const { host, evenings } = await hostWithEvenings();
    const working = (await loadAvailabilitySettings(database, host.id, Date.now()))!.schedule;
    const slug = `night-owls-${uniqueSuffix()}`;
    const user = succeeded(await createMeetingTypeAction(meetingTypeForm({ name: 'Night owls', slug, scheduleId: evenings.id })));
    succeeded(await saveWeeklyHoursAction({ scheduleId: evenings.id, days: [{ dayOfWeek: MONDAY, windows: [{ startTime: '18:00', endTime: '19:00' }] }] }));

    expect(await deleteScheduleAction({ scheduleId: working.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('default') } });
    expect(await deleteScheduleAction({ scheduleId: evenings.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('“Night owls”') } });

    succeeded(await updateMeetingTypeAction(meetingTypeForm({ id: user.id, name: 'Night owls', slug, scheduleId: '' })));
    expect(succeeded(await deleteScheduleAction({ scheduleId: evenings.id }))).toEqual({ scheduleId: evenings.id });
    expect(await scheduleRow(evenings.id)).toBeUndefined();
    expect(await database.select().from(availabilityRules).where(eq(availabilityRules.scheduleId, evenings.id))).toEqual([]);
  });
});

describe('naming schedules', () => {
  it('renames, refuses a name the host already uses in any case beside the field, and starts a new schedule in the default’s zone', async () => {
    const host = await createHost(database, { timeZone: 'Asia/Kathmandu' });
    signInAs(host.id);
    const first = succeeded(await createScheduleAction({ name: 'Consulting' }));
    expect(first.timeZone).toBe('Asia/Kathmandu');
    expect(await createScheduleAction({ name: 'consulting' })).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { name: expect.any(String) } } });
    expect(await renameScheduleAction({ scheduleId: first.id, name: 'working HOURS' })).toMatchObject({ ok: false, error: { code: 'conflict', fieldErrors: { name: expect.any(String) } } });
    expect(await createScheduleAction({ name: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { name: expect.any(String) } } });
    expect(succeeded(await renameScheduleAction({ scheduleId: first.id, name: 'Office hours' }))).toMatchObject({ id: first.id, name: 'Office hours' });
    expect((await loadAvailabilitySettings(database, host.id, Date.now()))!.schedules.map((schedule: ScheduleSummary) => schedule.name)).toEqual(['Working hours', 'Office hours']);
  });
});

describe('schedule zones and overrides', () => {
  it('keeps each schedule’s zone and date overrides its own; without a schedule id the verbs edit the default, as before', async () => {
    const { host, evenings } = await hostWithEvenings();
    const working = (await loadAvailabilitySettings(database, host.id, Date.now()))!.schedule;
    const date = upcoming(MONDAY, 'Europe/London', 10);

    succeeded(await saveDateOverrideAction({ scheduleId: evenings.id, date, unavailable: true, windows: [] }));
    succeeded(await saveDateOverrideAction({ date, unavailable: false, windows: [{ startTime: '07:00', endTime: '08:00' }] }));
    const rows = await database.select().from(availabilityOverrides).where(eq(availabilityOverrides.userId, host.id));
    expect(rows.map((row) => `${row.scheduleId === evenings.id ? 'evenings' : 'working'} ${row.startTime ?? 'off'}`).sort()).toEqual(['evenings off', 'working 07:00:00']);
    succeeded(await removeDateOverrideAction({ scheduleId: evenings.id, date }));
    expect(await database.select().from(availabilityOverrides).where(eq(availabilityOverrides.scheduleId, evenings.id))).toEqual([]);
    succeeded(await addTimeOffAction({ scheduleId: evenings.id, kind: 'dates', dates: [date] }));
    expect(await database.select().from(availabilityOverrides).where(eq(availabilityOverrides.scheduleId, evenings.id))).toHaveLength(1);

    succeeded(await saveTimeZoneAction({ scheduleId: evenings.id, timeZone: 'Asia/Tokyo' }));
    expect((await scheduleRow(evenings.id))?.timeZone).toBe('Asia/Tokyo');
    const zoneOfHost = async () => (await database.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, host.id)))[0]?.timeZone;
    expect(await zoneOfHost()).toBe('America/New_York');
    succeeded(await saveTimeZoneAction({ timeZone: 'America/Chicago' }));
    expect(await zoneOfHost()).toBe('America/Chicago');
    expect((await scheduleRow(working.id))?.timeZone).toBe('America/Chicago');
    expect((await scheduleRow(evenings.id))?.timeZone).toBe('Asia/Tokyo');
  });
});

describe('the availability version', () => {
  it('is bumped by every schedule write, so cached slots are never read again', async () => {
    const { host, evenings } = await hostWithEvenings();
    const version = () => readHostVersion(cacheStore(), host.id);
    const steps: [string, () => Promise<unknown>][] = [
      ['rename', () => renameScheduleAction({ scheduleId: evenings.id, name: 'Late' })],
      ['hours', () => saveWeeklyHoursAction({ scheduleId: evenings.id, days: [{ dayOfWeek: MONDAY, windows: [{ startTime: '18:00', endTime: '19:00' }] }] })],
      ['override', () => saveDateOverrideAction({ scheduleId: evenings.id, date: upcoming(MONDAY), unavailable: true, windows: [] })],
      ['zone', () => saveTimeZoneAction({ scheduleId: evenings.id, timeZone: 'Asia/Tokyo' })],
      ['default', () => setDefaultScheduleAction({ scheduleId: evenings.id })],
      ['new', () => createScheduleAction({ name: 'Spare' })],
    ];
    for (const [step, run] of steps) {
      const was = await version();
      expect(await run(), step).toMatchObject({ ok: true });
      expect(await version(), step).toBeGreaterThan(was);
    }
    const spare = (await loadAvailabilitySettings(database, host.id, Date.now()))!.schedules.find((schedule) => schedule.name === 'Spare')!;
    const was = await version();
    succeeded(await deleteScheduleAction({ scheduleId: spare.id }));
    expect(await version()).toBeGreaterThan(was);
  });
});

describe('another host’s schedule', () => {
  it('is a 404 to every verb, the page and the meeting type form, and is left unchanged', async () => {
    const { evenings: theirs, host: owner } = await hostWithEvenings();
    succeeded(await saveWeeklyHoursAction({ scheduleId: theirs.id, days: [{ dayOfWeek: MONDAY, windows: [{ startTime: '18:00', endTime: '19:00' }] }] }));
    const intruder = await createHost(database);
    signInAs(intruder.id);
    const scheduleId = theirs.id;
    const date = upcoming(MONDAY, 'America/New_York', 3);
    const attempts = {
      hours: await saveWeeklyHoursAction({ scheduleId, days: [] }),
      override: await saveDateOverrideAction({ scheduleId, date, unavailable: true, windows: [] }),
      remove: await removeDateOverrideAction({ scheduleId, date }),
      timeOff: await addTimeOffAction({ scheduleId, kind: 'dates', dates: [date] }),
      zone: await saveTimeZoneAction({ scheduleId, timeZone: 'UTC' }),
      rename: await renameScheduleAction({ scheduleId, name: 'Mine now' }),
      setDefault: await setDefaultScheduleAction({ scheduleId }),
      remove2: await deleteScheduleAction({ scheduleId }),
      junk: await renameScheduleAction({ scheduleId: 'not-a-uuid', name: 'Junk' }),
    };
    for (const [verb, result] of Object.entries(attempts)) expect(result, verb).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await createMeetingTypeAction(meetingTypeForm({ scheduleId }))).toMatchObject({ ok: false, error: { code: 'not_found', fieldErrors: { scheduleId: expect.any(String) } } });
    expect(await loadAvailabilitySettings(database, intruder.id, Date.now(), scheduleId)).toBeNull();

    expect(await scheduleRow(theirs.id)).toMatchObject({ userId: owner.id, name: 'Evenings', timeZone: 'Europe/London', isDefault: false });
    expect(await database.select().from(availabilityRules).where(eq(availabilityRules.scheduleId, theirs.id))).toHaveLength(1);
    expect(await database.select().from(availabilityOverrides).where(eq(availabilityOverrides.scheduleId, theirs.id))).toEqual([]);
  });
});
