import { and, eq, sql } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getHostAvailability } from '@/app/api/dashboard/bookings/[id]/availability/route';
import { markNoShowAction, requestNewTimeAction, rescheduleBookingAction } from '@/app/dashboard/bookings/actions';
import { bookings, emailNotifications, outbox } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { cacheStore } from '@/lib/cache';
import { cancelBooking } from '@/lib/booking';
import { listHostBookings } from '@/lib/hosts/bookings/list';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { signInAs } from '../setup/mock-current-host';
import { createBookableHost, createHost, inviteeFor } from '../factories';
import { book, cancel, declineNewTime, reschedule, tokenOf } from './api';
import { isolatedDatabase } from './isolated-database';

vi.mock('@/lib/auth/current-host', () => import('../setup/mock-current-host'));

// The host's actions on a booking, each through the invitee's own services and the write seam:
// reschedule on the invitee's behalf, request a new time (then the invitee picks or declines),
// no-show, and who cancelled. Inline jobs, so the emails they cause are checked too.

const { database } = isolatedDatabase('rendezvous_host_actions');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_1015AM_NY = '2027-01-11T15:15:00.000Z';
const TUESDAY_10AM_NY = '2027-01-12T15:00:00.000Z';

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));

async function bookedMeeting(meetingType: Record<string, unknown> = {}) {
  const { host, meetingType: type } = await createBookableHost(database(), { name: 'Intro call', ...meetingType });
  const invitee = inviteeFor(type.id, MONDAY_10AM_NY, { name: 'Ann Lee', timezone: 'Europe/Berlin' });
  const { status, body } = await book(invitee);
  expect(status).toBe(201);
  return { host, meetingType: type, invitee, booking: body.booking };
}

const rowOf = async (id: string) => (await database().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const eventsFor = async (bookingId: string) =>
  (await database().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`).orderBy(outbox.createdAt)).map((e) => ({ name: e.eventName, payload: e.payload }));
async function mailFor(bookingId: string, kind: string) {
  await settleDispatches();
  return database().select().from(emailNotifications).where(and(eq(emailNotifications.bookingId, bookingId), eq(emailNotifications.notificationType, kind)));
}
const successorOf = async (id: string) => (await database().select().from(bookings).where(eq(bookings.rescheduledFromId, id)))[0];

function onlyEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

async function hostAvailability(bookingId: string, query: Record<string, string>) {
  const request = new Request(`http://rendezvous.test/api/dashboard/bookings/${bookingId}/availability?${new URLSearchParams(query)}`);
  const response = await getHostAvailability(request, { params: Promise.resolve({ id: bookingId }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { slots?: { start: string }[]; error?: { code: string } } };
}

describe('the host reschedules on the invitee’s behalf', () => {
  it('offers the booking’s own time and the times overlapping it, only to its host', async () => {
    const { host, meetingType, booking } = await bookedMeeting();
    const query = { meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11', timezone: 'America/New_York' };
    signInAs(host.id);
    const offered = await hostAvailability(booking.id, query);
    expect(offered.status).toBe(200);
    expect(offered.headers.get('cache-control')).toBe('private, no-store');
    expect(offered.body.slots?.map((s) => s.start)).toEqual(expect.arrayContaining([MONDAY_10AM_NY, MONDAY_1015AM_NY]));
    signInAs((await createHost(database())).id);
    expect(await hostAvailability(booking.id, query)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    signInAs(null);
    expect(await hostAvailability(booking.id, query)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it('moves the booking under the same guard, says the host did it, and emails the invitee the new time, the message and an updated invitation', async () => {
    const { host, invitee, booking } = await bookedMeeting();
    signInAs(host.id);
    const result = await rescheduleBookingAction({ bookingId: booking.id, start: TUESDAY_10AM_NY, message: 'A clash on Monday, sorry' });
    expect(result).toMatchObject({ ok: true, data: { bookingId: expect.any(String) } });
    const newId = (result as { data: { bookingId: string } }).data.bookingId;
    expect(await rowOf(booking.id)).toMatchObject({ status: 'rescheduled' });
    expect(await rowOf(newId)).toMatchObject({ status: 'confirmed', startTime: new Date(TUESDAY_10AM_NY), rescheduledFromId: booking.id, inviteeEmail: invitee.email });
    expect((await eventsFor(newId)).map((e) => e.name)).toEqual(['booking/rescheduled']);
    expect((await eventsFor(newId))[0]?.payload).toMatchObject({ rescheduledBy: 'host', message: 'A clash on Monday, sorry', previousBookingId: booking.id });
    // The freed Monday slot can be booked again at once.
    expect((await book(inviteeFor(booking.meetingTypeId, MONDAY_10AM_NY))).status).toBe(201);

    const [mail] = (await mailFor(newId, 'rescheduled')).filter((m) => m.recipientEmail === invitee.email);
    expect(mail?.subject).toContain('Rescheduled: Intro call');
    expect(mail?.textBody).toContain(`${host.name} moved your meeting`);
    expect(mail?.textBody).toContain(`Message from ${host.name}:\nA clash on Monday, sorry`);
    expect(mail?.textBody).toContain(`/bookings/${newId}/reschedule?token=`);
    const event = onlyEvent(mail!.attachments![0]!.content);
    expect(event.uid).toBe(`${booking.id}@rendezvous`);
    expect(Number(event.sequence)).toBe(1);
    expect(new Date(event.start).toISOString()).toBe(TUESDAY_10AM_NY);
  });

  it('may move a booking by less than its own length, and past the invitee’s cut-off', async () => {
    const { host, booking } = await bookedMeeting({ minChangeNoticeMinutes: 60 * 24 * 365 });
    signInAs(host.id);
    expect(await rescheduleBookingAction({ bookingId: booking.id, start: MONDAY_1015AM_NY })).toMatchObject({ ok: true });
  });

  it('refuses a time that is not offered and leaves the booking as it was', async () => {
    const { host, booking } = await bookedMeeting();
    signInAs(host.id);
    const result = await rescheduleBookingAction({ bookingId: booking.id, start: '2027-01-11T08:00:00.000Z' });
    expect(result).toMatchObject({ ok: false, error: { code: 'slot_unavailable' } });
    expect(await rowOf(booking.id)).toMatchObject({ status: 'confirmed' });
    expect(await successorOf(booking.id)).toBeUndefined();
  });

  it('answers another host’s booking and a bad start like every action: not_found, or an error beside the field', async () => {
    const { booking } = await bookedMeeting();
    signInAs((await createHost(database())).id);
    expect(await rescheduleBookingAction({ bookingId: booking.id, start: TUESDAY_10AM_NY })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await rescheduleBookingAction({ bookingId: booking.id, start: 'tuesday' })).toMatchObject({ ok: false, error: { code: 'invalid_request', fieldErrors: { start: expect.any(String) } } });
    expect(await rowOf(booking.id)).toMatchObject({ status: 'confirmed' });
  });

  it('racing the invitee’s cancel ends in exactly one outcome', async () => {
    for (let round = 0; round < 6; round++) {
      const { host, booking } = await bookedMeeting();
      signInAs(host.id);
      const [moved, cancelled] = await Promise.all([
        rescheduleBookingAction({ bookingId: booking.id, start: TUESDAY_10AM_NY }),
        cancel(booking.id, { token: tokenOf(booking.cancelUrl), reason: 'Cannot make it' }),
      ]);
      const old = await rowOf(booking.id);
      const successor = await successorOf(booking.id);
      if (moved.ok) {
        expect(cancelled).toMatchObject({ status: 409, body: { error: { code: 'booking_not_active' } } });
        expect(old.status).toBe('rescheduled');
        expect(successor?.status).toBe('confirmed');
      } else {
        expect(moved.error.code).toBe('booking_not_active');
        expect(cancelled.status).toBe(200);
        expect(old).toMatchObject({ status: 'cancelled', cancelledBy: 'invitee' });
        expect(successor).toBeUndefined();
      }
    }
  });
});

describe('the host requests a new time', () => {
  it('keeps the booking and its slot, records the request, and emails the invitee a link to pick a time', async () => {
    const { host, meetingType, invitee, booking } = await bookedMeeting();
    signInAs(host.id);
    expect(await requestNewTimeAction({ bookingId: booking.id, message: 'Could we do later in the week?' })).toEqual({ ok: true, data: { status: 'confirmed' } });
    expect(await rowOf(booking.id)).toMatchObject({ status: 'confirmed', newTimeRequestedAt: expect.any(Date), newTimeRequestMessage: 'Could we do later in the week?' });
    // Still held: nobody else can take the time while the invitee decides.
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(409);
    expect(await findHostBooking(database(), host.id, booking.id)).toMatchObject({ newTimeRequestedAt: expect.any(Date) });

    const [mail] = await mailFor(booking.id, 'new_time_request');
    expect(mail).toMatchObject({ recipientEmail: invitee.email, replyTo: host.email });
    expect(mail?.subject).toContain('Please pick a new time: Intro call');
    expect(mail?.textBody).toContain('Could we do later in the week?');
    expect(mail?.textBody).toContain(`Pick a new time: ${booking.rescheduleUrl}`);
    // Asking again while the request is pending changes nothing and sends nothing more.
    expect(await requestNewTimeAction({ bookingId: booking.id })).toMatchObject({ ok: true });
    expect((await eventsFor(booking.id)).filter((e) => e.name === 'booking/new-time-requested')).toHaveLength(1);
  });

  it('then the invitee picks a time with their reschedule link, even past the cut-off: it moves like any reschedule and the request ends', async () => {
    const { host, booking } = await bookedMeeting({ minChangeNoticeMinutes: 60 * 24 * 365 });
    const token = tokenOf(booking.rescheduleUrl);
    // Before the request the cut-off stands.
    expect(await reschedule(booking.id, { token, start: TUESDAY_10AM_NY })).toMatchObject({ status: 409, body: { error: { code: 'change_not_allowed' } } });
    signInAs(host.id);
    await requestNewTimeAction({ bookingId: booking.id });
    const moved = await reschedule(booking.id, { token, start: TUESDAY_10AM_NY });
    expect(moved.status).toBe(201);
    expect(await rowOf(booking.id)).toMatchObject({ status: 'rescheduled', newTimeRequestedAt: null });
    expect(await rowOf(moved.body.booking.id)).toMatchObject({ status: 'confirmed', newTimeRequestedAt: null });
    const [toHost] = (await mailFor(moved.body.booking.id, 'rescheduled')).filter((m) => m.recipientEmail === host.email);
    expect(toHost?.textBody).toContain('Ann Lee moved Intro call');
  });

  it('then the invitee declines: the booking is cancelled by the invitee with the reason, and the host is told', async () => {
    const { host, meetingType, booking } = await bookedMeeting();
    signInAs(host.id);
    await requestNewTimeAction({ bookingId: booking.id });
    const declined = await declineNewTime(booking.id, { token: tokenOf(booking.rescheduleUrl), reason: 'Nothing works this month' });
    expect(declined).toMatchObject({ status: 200, body: { booking: { status: 'cancelled' } } });
    expect(declined.body.booking.cancelUrl).toBeUndefined();
    expect(await rowOf(booking.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'invitee',
      cancellationReason: 'Declined to pick a new time: Nothing works this month',
      newTimeRequestedAt: null,
    });
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
    const [toHost] = (await mailFor(booking.id, 'cancellation')).filter((m) => m.recipientEmail === host.email);
    expect(toHost?.textBody).toContain('Ann Lee cancelled Intro call');
    expect(toHost?.textBody).toContain('Reason: Declined to pick a new time: Nothing works this month');
    // A second decline answers the same.
    expect((await declineNewTime(booking.id, { token: tokenOf(booking.rescheduleUrl) })).status).toBe(200);
  });

  it('the decline needs a pending request and the reschedule link', async () => {
    const { booking } = await bookedMeeting();
    expect(await declineNewTime(booking.id, { token: tokenOf(booking.rescheduleUrl) })).toMatchObject({ status: 409, body: { error: { code: 'change_not_allowed' } } });
    expect(await declineNewTime(booking.id, { token: tokenOf(booking.cancelUrl) })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await declineNewTime(booking.id, { token: tokenOf(booking.rescheduleUrl), reason: 'x\u0007' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect(await rowOf(booking.id)).toMatchObject({ status: 'confirmed' });
  });

  it('refuses another host, and a meeting that has started', async () => {
    const { host, booking } = await bookedMeeting();
    signInAs((await createHost(database())).id);
    expect(await requestNewTimeAction({ bookingId: booking.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await database().execute(sql`update bookings set start_time = now() - interval '5 minutes', end_time = now() + interval '25 minutes' where id = ${booking.id}`);
    signInAs(host.id);
    expect(await requestNewTimeAction({ bookingId: booking.id })).toMatchObject({ ok: false, error: { code: 'change_not_allowed' } });
    expect(await rowOf(booking.id)).toMatchObject({ newTimeRequestedAt: null });
  });
});

describe('no-show', () => {
  it('is refused before the meeting starts', async () => {
    const { host, booking } = await bookedMeeting();
    signInAs(host.id);
    expect(await markNoShowAction({ bookingId: booking.id, noShow: true })).toMatchObject({ ok: false, error: { code: 'change_not_allowed' } });
    expect(await rowOf(booking.id)).toMatchObject({ noShowAt: null });
  });

  it('is marked and undone once the meeting started, each change an outbox event for webhooks; marking twice writes one', async () => {
    const { host, booking } = await bookedMeeting();
    await database().execute(sql`update bookings set start_time = now() - interval '40 minutes', end_time = now() - interval '10 minutes' where id = ${booking.id}`);
    signInAs(host.id);
    expect(await markNoShowAction({ bookingId: booking.id, noShow: 'on' })).toEqual({ ok: true, data: { noShow: true } });
    expect(await markNoShowAction({ bookingId: booking.id, noShow: true })).toEqual({ ok: true, data: { noShow: true } });
    expect(await rowOf(booking.id)).toMatchObject({ status: 'confirmed', noShowAt: expect.any(Date) });
    expect(await markNoShowAction({ bookingId: booking.id, noShow: false })).toEqual({ ok: true, data: { noShow: false } });
    expect(await rowOf(booking.id)).toMatchObject({ noShowAt: null });
    const marks = (await eventsFor(booking.id)).filter((e) => e.name === 'booking/no-show-marked');
    expect(marks.map((e) => e.payload)).toEqual([
      expect.objectContaining({ noShow: true, markedBy: 'host' }),
      expect.objectContaining({ noShow: false, markedBy: 'host' }),
    ]);
  });

  it('answers another host with not_found', async () => {
    const { booking } = await bookedMeeting();
    await database().execute(sql`update bookings set start_time = now() - interval '40 minutes', end_time = now() - interval '10 minutes' where id = ${booking.id}`);
    signInAs((await createHost(database())).id);
    expect(await markNoShowAction({ bookingId: booking.id, noShow: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('who cancelled', () => {
  it('is kept with the booking and listed on the Cancelled tab with the reason', async () => {
    const { host, meetingType, booking } = await bookedMeeting();
    const other = await book(inviteeFor(meetingType.id, TUESDAY_10AM_NY, { name: 'Bo Chen' }));
    await cancel(booking.id, { token: tokenOf(booking.cancelUrl), reason: 'Flu' });
    await cancelBooking({ database: database(), store: cacheStore() }, { bookingId: other.body.booking.id, access: { kind: 'host', userId: host.id }, now: Date.now() });
    const page = await listHostBookings(database(), host.id, { tab: 'cancelled', q: '' }, new Date());
    expect(page.items.map((item) => [item.inviteeName, item.cancelledBy, item.cancellationReason])).toEqual([
      ['Bo Chen', 'host', null],
      ['Ann Lee', 'invitee', 'Flu'],
    ]);
    expect(await findHostBooking(database(), host.id, booking.id)).toMatchObject({ cancelledBy: 'invitee', cancellationReason: 'Flu' });
  });

  it('the database refuses a cancelled_by on a booking that is not cancelled', async () => {
    const { booking } = await bookedMeeting();
    await expect(database().execute(sql`update bookings set cancelled_by = 'host' where id = ${booking.id}`)).rejects.toMatchObject({ cause: { code: '23514' } });
  });
});

describe('the host’s actions in the invitee’s language', () => {
  it('asks a German invitee for a new time and tells them of the host’s move in German; the host’s copies stay English', async () => {
    const { host, meetingType } = await createBookableHost(database(), { name: 'Intro call' });
    const booked = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Ann Lee', timezone: 'Europe/Berlin', locale: 'de' }));
    expect(booked.status).toBe(201);
    const booking = booked.body.booking;
    signInAs(host.id);

    expect(await requestNewTimeAction({ bookingId: booking.id, message: 'Geht es später in der Woche?' })).toMatchObject({ ok: true });
    const [request] = await mailFor(booking.id, 'new_time_request');
    // 15:00 UTC is 16:00 in Berlin, on the German clock.
    expect(request?.subject).toBe(`Bitte wählen Sie eine neue Zeit: Intro call mit ${host.name}, Mo., 11. Jan., 16:00`);
    expect(request?.textBody).toContain(`Nachricht von ${host.name}:\nGeht es später in der Woche?`);
    expect(request?.textBody).toMatch(/Neue Zeit wählen: \S+\/reschedule\?token=\S+&lang=de\n/);

    expect(await rescheduleBookingAction({ bookingId: booking.id, start: TUESDAY_10AM_NY, message: 'Dienstag passt besser.' })).toMatchObject({ ok: true });
    const successor = await successorOf(booking.id);
    const mails = await mailFor(successor!.id, 'rescheduled');
    const toInvitee = mails.find((m) => m.recipientEmail !== host.email);
    expect(toInvitee?.subject).toBe(`Verschoben: Intro call mit ${host.name}, jetzt Di., 12. Jan., 16:00`);
    expect(toInvitee?.textBody).toContain(`${host.name} hat Ihren Termin verschoben`);
    expect(toInvitee?.textBody).toContain(`Nachricht von ${host.name}:\nDienstag passt besser.`);
    expect(mails.find((m) => m.recipientEmail === host.email)?.subject).toMatch(/^Rescheduled: Intro call with Ann Lee/);
  });
});
