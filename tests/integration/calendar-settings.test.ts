import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meetingTypes } from '@/db/schema';
import { disconnectAction, updateCalendarAction } from '@/app/dashboard/integrations/actions';
import { createMeetingTypeAction, updateMeetingTypeAction } from '@/app/dashboard/meeting-types/actions';
import { listConnections } from '@/lib/calendars/list-connections';
import { syncConnection } from '@/lib/calendars/sync-connection';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createHost } from '../factories';
import { signInAs } from '../setup/mock-current-host';
import { busyRows, calendarRows, connect, depsFor, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// The host's choices on /dashboard/integrations: which calendars block time, which one receives
// new events; only for their own calendars.

const database = connectTestDatabase();
let fake: GoogleFake;
let requested: string[];

beforeEach(async () => {
  fake = await startGoogleFake();
  useProviderFake('google', fake);
  requested = recordSyncRequests();
});
afterEach(() => fake.close());

async function hostWithTwoCalendars() {
  const host = await createHost(database);
  const side = `side-${host.id}@group.calendar.google.com`;
  fake.store.addCalendar({ id: side, summary: 'Side', accessRole: 'owner' });
  await fake.addEvent({ start: { dateTime: '2027-01-11T15:00:00Z' }, end: { dateTime: '2027-01-11T16:00:00Z' } });
  const connectionId = await connect(database, 'google', host.id);
  await syncConnection(depsFor(database), connectionId);
  const calendars = await calendarRows(database, connectionId);
  return { host, connectionId, primary: calendars.find((c) => c.isPrimary)!, side: calendars.find((c) => !c.isPrimary)! };
}

describe('calendar choices', () => {
  it('a calendar that stops blocking time loses its busy rows at once; turning it on asks for a sync', async () => {
    const { host, connectionId, primary } = await hostWithTwoCalendars();
    signInAs(host.id);
    expect(await busyRows(database, connectionId)).toHaveLength(1);
    expect(await updateCalendarAction({ calendarId: primary.id, setting: 'blocks_time', value: 'false' })).toMatchObject({ ok: true });
    expect(await busyRows(database, connectionId)).toEqual([]);
    expect(await updateCalendarAction({ calendarId: primary.id, setting: 'blocks_time', value: 'true' })).toMatchObject({ ok: true });
    expect(requested).toEqual([connectionId]);
  });

  it('exactly one calendar receives new events', async () => {
    const { host, primary, side } = await hostWithTwoCalendars();
    signInAs(host.id);
    await updateCalendarAction({ calendarId: side.id, setting: 'receives_events', value: 'true' });
    const [view] = await listConnections(database, host.id);
    expect(view!.calendars.filter((c) => c.receivesEvents).map((c) => c.id)).toEqual([side.id]);
    expect(view!.calendars.find((c) => c.id === primary.id)!.receivesEvents).toBe(false);
  });

  it('refuses another host’s calendar and connection with not_found', async () => {
    const { primary, connectionId } = await hostWithTwoCalendars();
    const stranger = await createHost(database);
    signInAs(stranger.id);
    expect(await updateCalendarAction({ calendarId: primary.id, setting: 'blocks_time', value: 'false' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await disconnectAction({ connectionId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await busyRows(database, connectionId)).toHaveLength(1);
  });

  it('flags a connection whose data is stale', async () => {
    const { host } = await hostWithTwoCalendars();
    const [fresh] = await listConnections(database, host.id);
    expect(fresh!.stale).toBe(false);
    const [later] = await listConnections(database, host.id, Date.now() + 2 * 60 * 60 * 1000);
    expect(later!.stale).toBe(true);
  });
});

describe('the meeting type’s video link choice', () => {
  it('is saved from the form’s checkbox and cleared when unticked', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    const form = (extra: Record<string, string>) => {
      const data = new FormData();
      const fields = { name: 'Call', slug: `call-${host.id.slice(0, 8)}`, durationMinutes: '30', bufferBeforeMinutes: '0', bufferAfterMinutes: '0', minNoticeMinutes: '0', maxDaysInFuture: '60', color: '#3b82f6', isActive: 'on', minChangeNoticeMinutes: '0', ...extra };
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      return data;
    };
    const stored = async (id: string) => (await database.select({ addVideoLink: meetingTypes.addVideoLink }).from(meetingTypes).where(eq(meetingTypes.id, id)))[0]!.addVideoLink;
    const created = await createMeetingTypeAction(form({ addVideoLink: 'on' }));
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: string } }).data.id;
    expect(await stored(id)).toBe(true);
    expect((await updateMeetingTypeAction(form({ id }))).ok).toBe(true);
    expect(await stored(id)).toBe(false);
  });
});
