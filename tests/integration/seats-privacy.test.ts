import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailNotifications } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, inviteeFor } from '../factories';
import { type BookingBody, book, cancel, downloadCalendarFile, fetchAvailability, lookupBooking, reschedule, tokenOf } from './api';
import { isolatedDatabase } from './isolated-database';

// Privacy by construction: two invitees of one group event, and every surface an invitee can reach
// with their own links (the booking reply, both lookups, the .ics, every email and its attachment,
// the availability reply) is searched for the other invitee's name and address.

const { database } = isolatedDatabase('rendezvous_seats_privacy');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_11AM_NY = '2027-01-11T16:00:00.000Z';

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));

async function mailTo(recipient: string) {
  await settleDispatches();
  return database().select().from(emailNotifications).where(eq(emailNotifications.recipientEmail, recipient));
}

/** Everything one invitee can read with the links they were given. */
async function surfacesOf(invitee: { email: string }, booking: BookingBody['booking'], meetingTypeId: string): Promise<string[]> {
  const cancelToken = tokenOf(booking.cancelUrl);
  const rescheduleToken = tokenOf(booking.rescheduleUrl);
  const lookups = await Promise.all([lookupBooking(booking.id, cancelToken), lookupBooking(booking.id, rescheduleToken)]);
  const file = await downloadCalendarFile(booking.id, cancelToken);
  expect(file.status).toBe(200);
  const slots = await fetchAvailability({ meetingTypeId, start: '2027-01-11', end: '2027-01-11', timezone: 'UTC', rescheduleToken });
  const mail = await mailTo(invitee.email);
  expect(mail.length).toBeGreaterThan(0);
  return [
    JSON.stringify(booking),
    ...lookups.map((reply) => JSON.stringify(reply.body)),
    file.text,
    JSON.stringify(slots.body),
    ...mail.flatMap((message) => [message.subject, message.body ?? '', message.textBody ?? '', ...(message.attachments ?? []).map((file) => file.content)]),
  ];
}

function expectNoTraceOf(surfaces: string[], other: { name: string; email: string }) {
  for (const surface of surfaces) {
    expect(surface.toLowerCase()).not.toContain(other.email.toLowerCase());
    expect(surface).not.toContain(other.name);
  }
}

describe('a group event keeps its invitees apart', () => {
  it('no invitee surface shows another invitee, while the host sees both and the seats taken', async () => {
    const { host, meetingType } = await createBookableHost(database(), { name: 'Pottery class', durationMinutes: 60, slotIntervalMinutes: 60, seatsPerSlot: 3 });
    const ada = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Ada Lovelace', email: 'ada.lovelace@example.test' });
    const alan = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Alan Turing', email: 'alan.turing@example.test' });
    const first = await book(ada);
    const second = await book(alan);
    expect([first.status, second.status]).toEqual([201, 201]);

    const adaSees = await surfacesOf(ada, first.body.booking, meetingType.id);
    const alanSees = await surfacesOf(alan, second.body.booking, meetingType.id);
    expectNoTraceOf(adaSees, alan);
    expectNoTraceOf(alanSees, ada);
    // Each of Ada's .ics files (the download and the emailed invitation) names at most one attendee: Ada.
    const adaFiles = adaSees.filter((surface) => surface.startsWith('BEGIN:VCALENDAR'));
    expect(adaFiles.length).toBeGreaterThanOrEqual(2);
    const attendeeLines = adaFiles.map((file) => file.replace(/\r?\n[ \t]/g, '').match(/^ATTENDEE.*$/gm) ?? []);
    expect(attendeeLines.every((lines) => lines.length <= 1)).toBe(true);
    expect(attendeeLines.flat().length).toBeGreaterThan(0);
    for (const line of attendeeLines.flat()) expect(line.toLowerCase()).toContain('mailto:ada.lovelace@example.test');

    const toHost = await mailTo(host.email);
    expect(toHost.map((message) => message.textBody).join('\n')).toContain('Ada Lovelace');
    const aboutAlan = toHost.find((message) => message.bookingId === second.body.booking.id);
    expect(aboutAlan?.textBody).toContain('Seats: 2 of 3 seats taken');
  });

  it('a seat cancelled or moved tells only its own invitee', async () => {
    const { meetingType } = await createBookableHost(database(), { durationMinutes: 60, slotIntervalMinutes: 60, seatsPerSlot: 3 });
    const grace = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Grace Hopper', email: 'grace.hopper@example.test' });
    const edsger = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Edsger Dijkstra', email: 'edsger.dijkstra@example.test' });
    const katherine = inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Katherine Johnson', email: 'katherine.johnson@example.test' });
    const graceBooking = (await book(grace)).body.booking;
    const edsgerBooking = (await book(edsger)).body.booking;
    const katherineBooking = (await book(katherine)).body.booking;
    expect((await cancel(edsgerBooking.id, { token: tokenOf(edsgerBooking.cancelUrl) })).status).toBe(200);
    expect((await reschedule(katherineBooking.id, { token: tokenOf(katherineBooking.rescheduleUrl), start: MONDAY_11AM_NY })).status).toBe(201);
    const graceMail = await mailTo(grace.email);
    expect(graceMail.map((message) => message.notificationType)).toEqual(['confirmation']);
    expectNoTraceOf(await surfacesOf(grace, graceBooking, meetingType.id), edsger);
    expectNoTraceOf(await surfacesOf(grace, graceBooking, meetingType.id), katherine);
    expect((await mailTo(edsger.email)).map((message) => message.notificationType).sort()).toEqual(['cancellation', 'confirmation']);
  });
});
