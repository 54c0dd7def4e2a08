import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { cancelBookingAction } from '@/app/dashboard/bookings/actions';
import { bookings, outbox } from '@/db/schema';
import { cacheStore } from '@/lib/cache';
import { readHostVersion } from '@/lib/cache/host-version';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { signInAs } from '../setup/mock-current-host';
import { createBookableHost, createHost, inviteeFor } from '../factories';
import { book, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// The host's booking detail and cancel: the cancel is the invitee's own service, reached as the host.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_11AM_NY = '2027-01-11T16:00:00.000Z';

async function bookedHost() {
  const { host, meetingType } = await createBookableHost(database, { name: 'Intro call' });
  const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Ann Lee', notes: '<b>bring</b> the <script>plan</script>' }));
  return { host, meetingType, booking: body.booking };
}

const eventsFor = async (bookingId: string) =>
  (await database.select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`)).map((event) => ({ name: event.eventName, payload: event.payload }));
const statusOf = async (bookingId: string) => (await database.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, bookingId)))[0]?.status;

describe('cancelBookingAction', () => {
  it('cancels the host’s booking with a reason: the outbox says the host did it and the slot can be booked again at once', async () => {
    const { host, meetingType, booking } = await bookedHost();
    signInAs(host.id);
    const versionBefore = await readHostVersion(cacheStore(), host.id);
    const form = new FormData();
    form.set('bookingId', booking.id);
    form.set('reason', '  Out sick\r\nSorry  ');
    expect(await cancelBookingAction(form)).toEqual({ ok: true, data: { status: 'cancelled' } });
    const [row] = await database.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row).toMatchObject({ status: 'cancelled', cancellationReason: 'Out sick\nSorry' });
    const events = await eventsFor(booking.id);
    expect(events.map((event) => event.name)).toEqual(['booking/confirmed', 'booking/cancelled']);
    expect(events[1]?.payload).toMatchObject({ cancelledBy: 'host', reason: 'Out sick\nSorry' });
    expect(await readHostVersion(cacheStore(), host.id)).toBeGreaterThan(versionBefore);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
  });

  it('cancels without a reason, and answers a second cancel the same', async () => {
    const { host, booking } = await bookedHost();
    signInAs(host.id);
    expect(await cancelBookingAction({ bookingId: booking.id, reason: '' })).toEqual({ ok: true, data: { status: 'cancelled' } });
    expect(await cancelBookingAction({ bookingId: booking.id })).toEqual({ ok: true, data: { status: 'cancelled' } });
    expect((await eventsFor(booking.id)).map((event) => event.name)).toEqual(['booking/confirmed', 'booking/cancelled']);
  });

  it('answers another host’s booking with not_found and changes nothing', async () => {
    const { host, booking } = await bookedHost();
    const stranger = await createHost(database);
    signInAs(stranger.id);
    const versionBefore = await readHostVersion(cacheStore(), host.id);
    const result = await cancelBookingAction({ bookingId: booking.id, reason: 'mine now' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await statusOf(booking.id)).toBe('confirmed');
    expect((await eventsFor(booking.id)).map((event) => event.name)).toEqual(['booking/confirmed']);
    expect(await readHostVersion(cacheStore(), host.id)).toBe(versionBefore);
  });

  it('answers a malformed or unknown id with not_found', async () => {
    const host = await createHost(database);
    signInAs(host.id);
    expect(await cancelBookingAction({ bookingId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await cancelBookingAction({ bookingId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a reason with control characters, beside the field', async () => {
    const { host, booking } = await bookedHost();
    signInAs(host.id);
    const result = await cancelBookingAction({ bookingId: booking.id, reason: 'bad\u0007bell' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { reason: expect.any(String) } } });
    expect(await statusOf(booking.id)).toBe('confirmed');
  });

  it('refuses a meeting that has started, with the service’s message', async () => {
    const { host, booking } = await bookedHost();
    await database.execute(sql`update bookings set start_time = now() - interval '10 minutes', end_time = now() + interval '20 minutes' where id = ${booking.id}`);
    signInAs(host.id);
    const result = await cancelBookingAction({ bookingId: booking.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'change_not_allowed', message: 'This meeting has already started and can no longer be cancelled.' } });
    expect(await statusOf(booking.id)).toBe('confirmed');
  });

  it('answers signed-out callers with unauthorized and changes nothing', async () => {
    const { booking } = await bookedHost();
    signInAs(null);
    expect(await cancelBookingAction({ bookingId: booking.id })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await statusOf(booking.id)).toBe('confirmed');
  });
});

describe('findHostBooking', () => {
  it('gives the host everything about the booking, notes as stored text, and both ends of a reschedule', async () => {
    const { host, booking } = await bookedHost();
    const moved = await reschedule(booking.id, { token: tokenOf(booking.rescheduleUrl), start: MONDAY_11AM_NY });
    expect(moved.status).toBe(201);
    const newId = moved.body.booking.id;
    const old = await findHostBooking(database, host.id, booking.id);
    expect(old).toMatchObject({
      status: 'rescheduled',
      inviteeName: 'Ann Lee',
      inviteeTimeZone: 'Europe/Berlin',
      hostTimeZone: 'America/New_York',
      meetingTypeName: 'Intro call',
      notes: '<b>bring</b> the <script>plan</script>',
      start: new Date(MONDAY_10AM_NY),
      rescheduledFromId: null,
      rescheduledToId: newId,
    });
    expect(await findHostBooking(database, host.id, newId)).toMatchObject({ status: 'confirmed', rescheduledFromId: booking.id, rescheduledToId: null });
  });

  it('reads another host’s booking, an unknown id and a malformed id all as missing', async () => {
    const { booking } = await bookedHost();
    const stranger = await createHost(database);
    expect(await findHostBooking(database, stranger.id, booking.id)).toBeNull();
    expect(await findHostBooking(database, stranger.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await findHostBooking(database, stranger.id, "1' or '1'='1")).toBeNull();
  });
});
