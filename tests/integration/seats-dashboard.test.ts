import { describe, expect, it } from 'vitest';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { listHostBookings } from '@/lib/hosts/bookings/list';
import { listOccasionAttendees } from '@/lib/hosts/bookings/occasion';
import { createBookableHost, createHost, inviteeFor } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';

// The host sees a group event as one occasion with all its attendees: the rows say how many seats
// are taken, and the booking page lists everyone at that time.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

describe('a group event on the dashboard', () => {
  it('lists each seat with the seats taken, and the booking page lists every attendee of the occasion', async () => {
    const { host, meetingType } = await createBookableHost(database, { durationMinutes: 60, slotIntervalMinutes: 60, seatsPerSlot: 3 });
    const ada = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Ada Lovelace' });
    const alan = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Alan Turing' });
    const first = (await book(ada)).body.booking;
    await book(alan);
    const page = await listHostBookings(database, host.id, { tab: 'upcoming', q: '' }, new Date('2027-01-01T00:00:00Z'));
    expect(page.items.map((item) => [item.inviteeName, item.seats]).sort()).toEqual([
      ['Ada Lovelace', { taken: 2, total: 3 }],
      ['Alan Turing', { taken: 2, total: 3 }],
    ]);
    const detail = await findHostBooking(database, host.id, first.id);
    expect(detail?.seatsPerSlot).toBe(3);
    const attendees = await listOccasionAttendees(database, host.id, detail!.seatKey!);
    expect(attendees.map((attendee) => [attendee.inviteeName, attendee.inviteeEmail])).toEqual([
      ['Ada Lovelace', ada.email],
      ['Alan Turing', alan.email],
    ]);
    const stranger = await createHost(database);
    expect(await listOccasionAttendees(database, stranger.id, detail!.seatKey!)).toEqual([]);
  });
});
