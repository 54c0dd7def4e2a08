import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarConnections } from '@/db/schema';
import { syncConnection } from '@/lib/calendars/sync-connection';
import { captureLogForTests } from '@/lib/log';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createBookableHost, inviteeFor } from '../factories';
import { book } from './api';
import { connect, depsFor, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

// The booking transaction asks a calendar whose busy data is stale about the requested slot before
// committing, within a bounded time; on timeout the last known data decides, and the log says so.

const database = connectTestDatabase();
let fake: GoogleFake;
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

beforeEach(async () => {
  fake = await startGoogleFake();
  useProviderFake('google', fake);
  recordSyncRequests();
});
afterEach(() => fake.close());

async function hostWithStaleCalendar(syncedMinutesAgo: number) {
  const { host, meetingType } = await createBookableHost(database);
  const connectionId = await connect(database, 'google', host.id);
  await syncConnection(depsFor(database), connectionId);
  await database.update(calendarConnections).set({ lastSyncedAt: new Date(Date.now() - syncedMinutesAgo * 60_000) }).where(eq(calendarConnections.id, connectionId));
  // Added after the last sync: only a live query can know.
  await fake.addEvent({ start: { dateTime: MONDAY_10AM_NY }, end: { dateTime: '2027-01-11T16:00:00.000Z' } });
  return { meetingType };
}

describe('the live free/busy re-check', () => {
  it('refuses a slot the calendar is busy in when the synced data is stale', async () => {
    const { meetingType } = await hostWithStaleCalendar(30);
    const reply = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ error: { code: 'slot_unavailable', details: { reason: 'busy' } } });
    expect(fake.requests.filter((r) => r.url.pathname === '/calendar/v3/freeBusy')).toHaveLength(1);
  });

  it('does not ask when the synced data is fresh', async () => {
    const { meetingType } = await hostWithStaleCalendar(1);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
    expect(fake.requests.filter((r) => r.url.pathname === '/calendar/v3/freeBusy')).toHaveLength(0);
  });

  it('lets the last known data decide when the calendar does not answer in time, and logs it', async () => {
    const { meetingType } = await hostWithStaleCalendar(30);
    fake.control.freeBusyDelayMs = 3_000;
    const lines: string[] = [];
    const stopCapture = captureLogForTests((line) => lines.push(line));
    try {
      const started = Date.now();
      expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
      expect(Date.now() - started).toBeLessThan(2_900);
      const warnings = lines.map((line) => JSON.parse(line) as { level: string; msg: string }).filter((line) => line.level === 'warn');
      expect(warnings.some((line) => line.msg.includes('live free/busy check timed out'))).toBe(true);
    } finally {
      stopCapture();
    }
  });
});
