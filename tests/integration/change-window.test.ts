import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, meetingTypes } from '@/db/schema';
import { cancelBooking } from '@/lib/booking';
import { loadManagedBooking } from '@/lib/booking/managed-booking';
import { cacheStore } from '@/lib/cache';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// The meeting type's cut-off (min_change_notice_minutes): an invitee may cancel or reschedule only
// until that long before the start; the host always may.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const TUESDAY_10AM_NY = '2027-01-12T15:00:00.000Z';
const HOUR_MS = 3_600_000;

/** A confirmed booking moved (straight in the table) to start `hoursAhead` from now, under a cut-off of `noticeHours`. */
async function bookingStartingIn(hoursAhead: number, noticeHours: number) {
  const { host, meetingType } = await createBookableHost(database, { minChangeNoticeMinutes: noticeHours * 60 });
  const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
  const start = new Date(Date.now() + hoursAhead * HOUR_MS);
  await database
    .update(bookings)
    .set({ startTime: start, endTime: new Date(start.getTime() + 30 * 60_000) })
    .where(eq(bookings.id, body.booking.id));
  return { host, meetingType, booking: body.booking, start };
}

async function statusOf(bookingId: string) {
  const [row] = await database.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, bookingId));
  return row?.status;
}

describe('the invitee’s cut-off for changes', () => {
  it('refuses an invitee’s cancel inside the cut-off with 409 change_window_closed, and the booking stands', async () => {
    const { booking, start } = await bookingStartingIn(3, 24);
    const reply = await cancel(booking.id, { token: tokenOf(booking.cancelUrl) });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'change_not_allowed',
      message: expect.stringContaining('1 day before'),
      details: { reason: 'change_window_closed', changeDeadline: new Date(start.getTime() - 24 * HOUR_MS).toISOString() },
    });
    expect(await statusOf(booking.id)).toBe('confirmed');
  });

  it('refuses an invitee’s reschedule inside the cut-off the same way', async () => {
    const { booking } = await bookingStartingIn(3, 24);
    const reply = await reschedule(booking.id, { token: tokenOf(booking.rescheduleUrl), start: TUESDAY_10AM_NY });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'change_not_allowed', details: { reason: 'change_window_closed' } });
    expect(await statusOf(booking.id)).toBe('confirmed');
  });

  it('lets the invitee cancel before the cut-off', async () => {
    const { booking } = await bookingStartingIn(30, 24);
    expect((await cancel(booking.id, { token: tokenOf(booking.cancelUrl) })).status).toBe(200);
  });

  it('lets the invitee reschedule before the cut-off', async () => {
    const { meetingType } = await createBookableHost(database, { minChangeNoticeMinutes: 24 * 60 });
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const reply = await reschedule(body.booking.id, { token: tokenOf(body.booking.rescheduleUrl), start: TUESDAY_10AM_NY });
    expect(reply.status).toBe(201);
  });

  it('still lets the host cancel inside the cut-off', async () => {
    const { host, booking } = await bookingStartingIn(3, 24);
    const cancelled = await cancelBooking(
      { database, store: cacheStore() },
      { bookingId: booking.id, access: { kind: 'host', userId: host.id }, now: Date.now() },
    );
    expect(cancelled.status).toBe('cancelled');
  });

  it('applies the meeting type’s current cut-off, also after the meeting type was changed', async () => {
    const { meetingType, booking } = await bookingStartingIn(3, 0);
    await database.update(meetingTypes).set({ minChangeNoticeMinutes: 4 * 60 }).where(eq(meetingTypes.id, meetingType.id));
    expect((await cancel(booking.id, { token: tokenOf(booking.cancelUrl) })).status).toBe(409);
  });
});

describe('what the manage pages are told', () => {
  it('the deadline, and that it is still open', async () => {
    const { booking, start } = await bookingStartingIn(30, 24);
    const managed = await loadManagedBooking(database, booking.id, tokenOf(booking.cancelUrl), 'cancel');
    const deadline = new Date(start.getTime() - 24 * HOUR_MS).toISOString();
    expect(managed?.booking.changeWindow).toEqual({ deadline, closesAt: deadline, closedWhenBooked: false, noticeMinutes: 1440, open: true, started: false });
  });

  it('that a booking made inside its cut-off closed when it was made, not days before', async () => {
    const { booking } = await bookingStartingIn(3, 24);
    const [row] = await database.select({ createdAt: bookings.createdAt }).from(bookings).where(eq(bookings.id, booking.id));
    const managed = await loadManagedBooking(database, booking.id, tokenOf(booking.cancelUrl), 'cancel');
    expect(managed?.booking.changeWindow).toMatchObject({ closesAt: row?.createdAt.toISOString(), closedWhenBooked: true, open: false, started: false });
  });

  it('that it has closed once the deadline has passed', async () => {
    const { booking } = await bookingStartingIn(3, 24);
    const managed = await loadManagedBooking(database, booking.id, tokenOf(booking.rescheduleUrl), 'reschedule');
    expect(managed?.booking.changeWindow.open).toBe(false);
  });

  it('that it has closed once the meeting has started, even without a cut-off', async () => {
    const { booking } = await bookingStartingIn(0, 0);
    await database.execute(sql`update bookings set start_time = now() - interval '5 minutes' where id = ${booking.id}`);
    const managed = await loadManagedBooking(database, booking.id, tokenOf(booking.cancelUrl), 'cancel');
    expect(managed?.booking.changeWindow).toMatchObject({ noticeMinutes: 0, open: false });
  });
});
