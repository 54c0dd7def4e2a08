import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { writeBookingEvent } from '@/lib/calendars/write-back';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, reschedule, tokenOf } from './api';
import { connect, depsFor, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

// A group event on the host's Google calendar: ONE event per occasion with every seat as an attendee
// who cannot see the others; seats joining and leaving update it, the last one leaving deletes it.

const database = connectTestDatabase();
let fake: GoogleFake;
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_11AM_NY = '2027-01-11T16:00:00.000Z';

beforeEach(async () => {
  fake = await startGoogleFake();
  useProviderFake('google', fake);
  recordSyncRequests();
});
afterEach(() => fake.close());

const rowOf = async (id: string) => (await database.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const liveEvents = () => fake.store.live(fake.store.accountEmail);
const write = (id: string, change: Parameters<typeof writeBookingEvent>[2] = { kind: 'confirmed' }) => writeBookingEvent(depsFor(database), id, change);

async function classWithSeats() {
  const { host, meetingType } = await createBookableHost(database, { name: 'Pottery class', durationMinutes: 60, slotIntervalMinutes: 60, seatsPerSlot: 4 });
  await connect(database, 'google', host.id);
  const seat = async (name: string, start = MONDAY_10AM_NY) => (await book(inviteeFor(meetingType.id, start, { name, email: `${name.toLowerCase()}@example.test`, notes: `private note of ${name}` }))).body.booking;
  return { host, meetingType, seat };
}

describe('a group event written back to Google Calendar', () => {
  it('keeps one event per occasion, with every seat as a hidden attendee and nothing any invitee wrote', async () => {
    const { seat } = await classWithSeats();
    const ada = await seat('Ada');
    expect(await write(ada.id)).toBe('created');
    const alan = await seat('Alan');
    expect(await write(alan.id)).toBe('updated');
    // A retry writes the same event again.
    expect(await write(alan.id)).toBe('updated');
    expect(liveEvents()).toHaveLength(1);
    const [adaRow, alanRow] = [await rowOf(ada.id), await rowOf(alan.id)];
    expect(alanRow.calendarEventId).toBe(adaRow.calendarEventId);
    const event = fake.store.get(fake.store.accountEmail, adaRow.calendarEventId!)!;
    expect(event.attendees?.map((attendee) => attendee.email)).toEqual(['ada@example.test', 'alan@example.test']);
    expect(event).toMatchObject({ summary: 'Pottery class', guestsCanSeeOtherGuests: false });
    expect(event.description).toContain('2 of 4 seats taken');
    expect(event.description).not.toMatch(/private note|Ada|Alan/);
  });

  it('takes a cancelled or moved seat off the event, moves it into its new occasion, and deletes an event whose last seat left', async () => {
    const { seat } = await classWithSeats();
    const ada = await seat('Ada');
    const alan = await seat('Alan');
    const grace = await seat('Grace');
    for (const booking of [ada, alan, grace]) await write(booking.id);
    const tenOClock = (await rowOf(ada.id)).calendarEventId!;

    expect((await cancel(alan.id, { token: tokenOf(alan.cancelUrl) })).status).toBe(200);
    expect(await write(alan.id, { kind: 'cancelled' })).toBe('updated');
    expect(fake.store.get(fake.store.accountEmail, tenOClock)?.attendees?.map((attendee) => attendee.email)).toEqual(['ada@example.test', 'grace@example.test']);

    const moved = await reschedule(grace.id, { token: tokenOf(grace.rescheduleUrl), start: MONDAY_11AM_NY });
    expect(moved.status).toBe(201);
    expect(await write(moved.body.booking.id, { kind: 'rescheduled', previousBookingId: grace.id })).toBe('created');
    expect(fake.store.get(fake.store.accountEmail, tenOClock)?.attendees?.map((attendee) => attendee.email)).toEqual(['ada@example.test']);
    expect(liveEvents()).toHaveLength(2);

    expect((await cancel(ada.id, { token: tokenOf(ada.cancelUrl) })).status).toBe(200);
    expect(await write(ada.id, { kind: 'cancelled' })).toBe('deleted');
    expect(liveEvents()).toHaveLength(1);
    // A retry deletes again (a gone event is no error) and touches nothing else.
    expect(await write(ada.id, { kind: 'cancelled' })).toBe('deleted');
    expect(liveEvents()).toHaveLength(1);
  });
});
