import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, emailNotifications, meetingTypes, outbox } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { cancelBooking, rescheduleBooking } from '@/lib/booking';
import { syncConnection } from '@/lib/calendars/sync-connection';
import { writeBookingEvent } from '@/lib/calendars/write-back';
import { googleEventIdFor } from '@/lib/calendars/google/google-adapter';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createBookableHost, inviteeFor } from '../factories';
import { book, fetchAvailability } from './api';
import { busyRows, connect, depsFor, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

// Bookings written back to Google: created with the invitee and a Meet link, moved on reschedule,
// deleted on cancel — each idempotent under retries — and never imported back as busy time.

const database = connectTestDatabase();
let fake: GoogleFake;
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_2PM_NY = '2027-01-11T19:00:00.000Z';

beforeEach(async () => {
  fake = await startGoogleFake();
  useProviderFake('google', fake);
  recordSyncRequests();
});
afterEach(() => fake.close());

async function bookedHost(options: { video?: boolean } = {}) {
  const { host, meetingType } = await createBookableHost(database, { addVideoLink: options.video ?? false, name: 'Intro call', location: 'Desk 4' });
  const connectionId = await connect(database, 'google', host.id);
  const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Ada Invitee', email: 'ada@example.test', notes: 'Agenda attached' }));
  return { host, meetingType, connectionId, bookingId: body.booking.id as string };
}

/** Everything we sent Google: the host's calendar is readable by delegates, so no invitee link token may be in it. */
const insertBodies = () => fake.requests.filter((r) => r.method !== 'GET' && r.url.pathname.includes('/events')).map((r) => r.body);
function expectNoBearerLink(bodies: string[]) {
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) {
    expect(body).not.toMatch(/token=|\/(cancel|reschedule)\b/);
  }
}

const bookingRow = async (id: string) => (await database.select().from(bookings).where(eq(bookings.id, id)))[0]!;

describe('writing bookings to Google Calendar', () => {
  it('creates the event with the invitee, the dashboard link, the notes and a Meet link, and stores id and join URL', async () => {
    const { bookingId } = await bookedHost({ video: true });
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' })).toBe('created');
    const row = await bookingRow(bookingId);
    expect(row.calendarEventId).toBe(googleEventIdFor(bookingId));
    expect(row.calendarJoinUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    const event = fake.store.get(fake.store.accountEmail, row.calendarEventId!)!;
    expect(event).toMatchObject({ status: 'confirmed', summary: 'Intro call with Ada Invitee', location: 'Desk 4', start: { dateTime: MONDAY_10AM_NY } });
    expect(event.attendees).toEqual([{ email: 'ada@example.test', displayName: 'Ada Invitee' }]);
    expect(event.description).toContain(`/dashboard/bookings/${bookingId}`);
    expect(event.description).toContain('Agenda attached');
    expectNoBearerLink(insertBodies());
    expect(event.hangoutLink).toBe(row.calendarJoinUrl);
    const insert = fake.requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/events'))!;
    expect(insert.url.searchParams.get('conferenceDataVersion')).toBe('1');
    expect(JSON.parse(insert.body).conferenceData.createRequest).toMatchObject({ requestId: bookingId, conferenceSolutionKey: { type: 'hangoutsMeet' } });
  });

  it('creates one event however often the job retries, even when the first reply was lost', async () => {
    const { bookingId } = await bookedHost();
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' })).toBe('created');
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' })).toBe('unchanged');
    // The first attempt created the event but crashed before storing its id: the retry finds it (409 → get).
    await database.update(bookings).set({ calendarEventId: null, calendarEventCalendarId: null }).where(eq(bookings.id, bookingId));
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' })).toBe('created');
    expect((await bookingRow(bookingId)).calendarEventId).toBe(googleEventIdFor(bookingId));
    expect(fake.store.live(fake.store.accountEmail)).toHaveLength(1);
  });

  it('never imports its own event back as busy time, so cancelling frees the slot at once', async () => {
    const { host, meetingType, connectionId, bookingId } = await bookedHost();
    await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' });
    await syncConnection(depsFor(database), connectionId);
    expect(await busyRows(database, connectionId)).toEqual([]);
    await cancelBooking(depsFor(database), { bookingId, access: { kind: 'host', userId: host.id }, now: Date.now() });
    const slots = await fetchAvailability({ meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11', timezone: 'America/New_York' });
    expect(slots.body.slots.map((s) => s.start)).toContain(MONDAY_10AM_NY);
  });

  it('deletes the event on cancel, and a retried delete is harmless', async () => {
    const { host, bookingId } = await bookedHost();
    await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' });
    await cancelBooking(depsFor(database), { bookingId, access: { kind: 'host', userId: host.id }, now: Date.now() });
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'cancelled' })).toBe('deleted');
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'cancelled' })).toBe('deleted');
    expect(fake.store.live(fake.store.accountEmail)).toEqual([]);
  });

  it('deletes the new event when the booking was cancelled while it was being created', async () => {
    const { host, bookingId } = await bookedHost();
    fake.control.beforeInsertReply = () => cancelBooking(depsFor(database), { bookingId, access: { kind: 'host', userId: host.id }, now: Date.now() });
    // The cancel's own job ran first and found no event id to delete.
    expect(await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' })).toBe('deleted');
    expect(fake.store.live(fake.store.accountEmail)).toEqual([]);
  });

  it('moves the same event on reschedule instead of adding a second one', async () => {
    const { host, bookingId } = await bookedHost();
    await writeBookingEvent(depsFor(database), bookingId, { kind: 'confirmed' });
    const moved = await rescheduleBooking(depsFor(database), { bookingId, access: { kind: 'host', userId: host.id }, start: Date.parse(MONDAY_2PM_NY), now: Date.now() });
    const newId = moved.booking.id;
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await writeBookingEvent(depsFor(database), newId, { kind: 'rescheduled', previousBookingId: bookingId })).toMatch(/updated|unchanged/);
    }
    expect((await bookingRow(newId)).calendarEventId).toBe(googleEventIdFor(bookingId));
    const events = fake.store.live(fake.store.accountEmail);
    expect(events).toHaveLength(1);
    expect(events[0]!.start.dateTime).toBe(MONDAY_2PM_NY);
    expect(events[0]!.description).toContain(`/dashboard/bookings/${newId}`);
    expectNoBearerLink([...insertBodies(), JSON.stringify(events[0])]);
  });

  it('does nothing when the host has no calendar that receives events', async () => {
    const { meetingType } = await createBookableHost(database);
    await database.update(meetingTypes).set({ addVideoLink: true }).where(eq(meetingTypes.id, meetingType.id));
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect(await writeBookingEvent(depsFor(database), body.booking.id, { kind: 'confirmed' })).toBe('no_calendar');
    expect(fake.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });
});

describe('the confirmation email', () => {
  it('carries the video link the calendar made, written by the confirmation job’s first step (inline)', async () => {
    const { bookingId } = await bookedHost({ video: true });
    const outboxRow = (await database.select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`))[0]!;
    await inlineSink.deliver({ id: outboxRow.id, name: 'booking/confirmed', data: outboxRow.payload as never, ts: outboxRow.createdAt.getTime() });
    const row = await bookingRow(bookingId);
    expect(row.calendarJoinUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    const mails = await database.select().from(emailNotifications).where(eq(emailNotifications.bookingId, bookingId));
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const mail of mails) expect(mail.textBody).toContain(row.calendarJoinUrl!);
  });
});
