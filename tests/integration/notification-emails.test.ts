import { and, eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailNotifications } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, reschedule, tokenOf } from './api';
import { isolatedDatabase } from './isolated-database';

// The default mode end to end below HTTP: a booking, a cancellation and a reschedule through the real
// route handlers; inline jobs; mail captured in email_notifications. Each recipient reads their own zone.

const { database } = isolatedDatabase('rendezvous_mail');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const TUESDAY_10AM_NY = '2027-01-12T15:00:00.000Z';

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));

async function mailFor(bookingId: string, kind?: string) {
  await settleDispatches();
  const rows = await database()
    .select()
    .from(emailNotifications)
    .where(kind ? and(eq(emailNotifications.bookingId, bookingId), eq(emailNotifications.notificationType, kind)) : eq(emailNotifications.bookingId, bookingId));
  return rows;
}

function onlyEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

async function bookedMeeting() {
  const { host, meetingType } = await createBookableHost(database(), { name: 'Intro call', location: 'Room 4, Main St' }, { timeZone: 'America/New_York' });
  const invitee = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Ada <b>Lovelace</b>', notes: 'Bring <script>alert(1)</script> & the agenda', timezone: 'Europe/Berlin' });
  const { status, body } = await book(invitee);
  expect(status).toBe(201);
  return { host, meetingType, invitee, booking: body.booking };
}

describe('a new booking', () => {
  it('sends one confirmation to the invitee and one to the host, each in their own zone, with a REQUEST invitation', async () => {
    const { host, invitee, booking } = await bookedMeeting();
    const mail = await mailFor(booking.id);
    expect(mail.map((m) => [m.notificationType, m.recipientEmail, m.status]).sort()).toEqual(
      [
        ['confirmation', host.email, 'captured'],
        ['confirmation', invitee.email, 'captured'],
      ].sort(),
    );
    const toInvitee = mail.find((m) => m.recipientEmail === invitee.email)!;
    const toHost = mail.find((m) => m.recipientEmail === host.email)!;
    // 15:00 UTC is 4:00 PM in Berlin and 10:00 AM in New York.
    expect(toInvitee.subject).toBe(`Confirmed: Intro call with ${host.name}, Mon, Jan 11, 4:00 PM`);
    expect(toInvitee.textBody).toContain('Monday, January 11, 2027 · 4:00 PM – 4:30 PM');
    expect(toInvitee.textBody).toContain('Europe/Berlin (GMT+1)');
    expect(toHost.subject).toBe('New booking: Intro call with Ada <b>Lovelace</b>, Mon, Jan 11, 10:00 AM');
    expect(toHost.textBody).toContain('Monday, January 11, 2027 · 10:00 AM – 10:30 AM');
    expect(toHost.textBody).toContain('America/New_York (GMT-5)');
    // The invitee's links reach the invitee only; the host gets the dashboard.
    expect(toInvitee.textBody).toContain(booking.cancelUrl);
    expect(toInvitee.textBody).toContain(booking.rescheduleUrl);
    expect(toHost.textBody).not.toContain(booking.cancelUrl);
    expect(toHost.textBody).toContain(`/dashboard/bookings/${booking.id}`);
    // Invitee-typed text is escaped in HTML and kept as text in the plain part.
    expect(toHost.body).not.toContain('<script>');
    expect(toHost.body).toContain('&lt;script&gt;');
    expect(toHost.textBody).toContain('Bring <script>alert(1)</script> & the agenda');
    // The host's invitation names the dashboard page; only the invitee's carries the invitee's links.
    const unfolded = (message: typeof toHost) => message.attachments![0]!.content.replace(/\r\n /g, '');
    expect(unfolded(toHost)).not.toContain('token=');
    expect(unfolded(toHost)).toContain(`/dashboard/bookings/${booking.id}`);
    expect(unfolded(toInvitee)).toContain(booking.cancelUrl);
    for (const message of [toInvitee, toHost]) {
      expect(message.attachments).toHaveLength(1);
      const file = message.attachments![0]!;
      expect(file.contentType).toContain('method=REQUEST');
      expect(file.content).toContain('METHOD:REQUEST');
      const event = onlyEvent(file.content);
      expect(event.start.toISOString()).toBe(booking.start);
      expect(event.end?.toISOString()).toBe(booking.end);
      expect(event.uid).toBe(`${booking.id}@rendezvous`);
      expect(Number(event.sequence)).toBe(0);
    }
  });
});

describe('a cancellation', () => {
  it('tells both, with the reason, and carries METHOD:CANCEL for the same UID', async () => {
    const { host, invitee, booking } = await bookedMeeting();
    const reply = await cancel(booking.id, { token: tokenOf(booking.cancelUrl), reason: 'Flight moved' });
    expect(reply.status).toBe(200);
    const mail = await mailFor(booking.id, 'cancellation');
    expect(mail.map((m) => m.recipientEmail).sort()).toEqual([host.email, invitee.email].sort());
    for (const message of mail) {
      expect(message.textBody).toContain('Flight moved');
      const file = message.attachments![0]!;
      expect(file.content).toContain('METHOD:CANCEL');
      const event = onlyEvent(file.content);
      expect(event.uid).toBe(`${booking.id}@rendezvous`);
      expect(Number(event.sequence)).toBe(1);
      expect(event.status).toBe('CANCELLED');
    }
    expect(mail.find((m) => m.recipientEmail === host.email)!.textBody).toContain('Ada <b>Lovelace</b> cancelled Intro call with you');
    // Cancelled mail offers no manage links for a booking that is gone.
    expect(mail.find((m) => m.recipientEmail === invitee.email)!.textBody).not.toContain('/cancel?token=');
  });
});

describe('a reschedule', () => {
  it('sends one "rescheduled" message with the old and new time, and no cancellation or second confirmation', async () => {
    const { host, invitee, booking } = await bookedMeeting();
    const moved = await reschedule(booking.id, { token: tokenOf(booking.rescheduleUrl), start: TUESDAY_10AM_NY }, { 'idempotency-key': `move-${booking.id}` });
    expect(moved.status).toBe(201);
    const next = moved.body.booking;
    const mail = await mailFor(next.id);
    expect(mail.map((m) => [m.notificationType, m.recipientEmail]).sort()).toEqual(
      [
        ['rescheduled', host.email],
        ['rescheduled', invitee.email],
      ].sort(),
    );
    expect(await mailFor(booking.id, 'cancellation')).toEqual([]);
    const toInvitee = mail.find((m) => m.recipientEmail === invitee.email)!;
    expect(toInvitee.textBody).toContain('Tuesday, January 12, 2027 · 4:00 PM – 4:30 PM');
    expect(toInvitee.textBody).toContain('Monday, January 11, 2027 · 4:00 PM – 4:30 PM');
    expect(toInvitee.textBody).toContain('You moved Intro call');
    expect(toInvitee.textBody).toContain(next.rescheduleUrl);
    const event = onlyEvent(toInvitee.attachments![0]!.content);
    expect(event.uid).toBe(`${booking.id}@rendezvous`);
    expect(Number(event.sequence)).toBe(1);
    expect(event.start.toISOString()).toBe(TUESDAY_10AM_NY);
  });
});
