import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, downloadCalendarFile, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const TUESDAY_10AM_NY = '2027-01-12T15:00:00.000Z';
const WEDNESDAY_10AM_NY = '2027-01-13T15:00:00.000Z';

/** The file's one VEVENT, read by an independent parser (node-ical), not the library that wrote it. */
function parsedEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

async function bookedMeeting() {
  const { host, meetingType } = await createBookableHost(database, { name: 'Intro call', location: 'Room 4, Main St' });
  const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { name: 'Eve; ATTENDEE:x' }));
  return { host, booking: body.booking };
}

describe('GET /api/v1/bookings/{id}/ics', () => {
  it('is an attachment holding the booking in UTC, with its meeting, host and location', async () => {
    const { host, booking } = await bookedMeeting();
    const reply = await downloadCalendarFile(booking.id, tokenOf(booking.rescheduleUrl));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="rendezvous-${booking.id.slice(0, 8)}.ics"`);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.text).toContain('METHOD:PUBLISH');
    expect(reply.text).not.toMatch(/^ATTENDEE/m);
    const event = parsedEvent(reply.text);
    expect(event.start.toISOString()).toBe(booking.start);
    expect(event.end?.toISOString()).toBe(booking.end);
    expect(event.start.tz).toBe('Etc/UTC');
    expect(event.uid).toBe(`${booking.id}@rendezvous`);
    expect(event.summary).toBe(`Intro call with ${host.name}`);
    expect(event.location).toBe('Room 4, Main St');
    expect(event.status).toBe('CONFIRMED');
  });

  it('keeps the first booking\'s UID through reschedules, with a growing SEQUENCE, so calendars update one entry', async () => {
    const { booking } = await bookedMeeting();
    const moved = await reschedule(booking.id, { token: tokenOf(booking.rescheduleUrl), start: TUESDAY_10AM_NY });
    expect(moved.status).toBe(201);
    const movedAgain = await reschedule(moved.body.booking.id, { token: tokenOf(moved.body.booking.rescheduleUrl), start: WEDNESDAY_10AM_NY });
    expect(movedAgain.status).toBe(201);
    const once = parsedEvent((await downloadCalendarFile(moved.body.booking.id, tokenOf(moved.body.booking.rescheduleUrl))).text);
    const twice = parsedEvent((await downloadCalendarFile(movedAgain.body.booking.id, tokenOf(movedAgain.body.booking.rescheduleUrl))).text);
    expect(once.uid).toBe(`${booking.id}@rendezvous`);
    expect(twice.uid).toBe(`${booking.id}@rendezvous`);
    expect(twice.start.toISOString()).toBe(WEDNESDAY_10AM_NY);
    expect(Number(twice.sequence)).toBeGreaterThan(Number(once.sequence));
  });

  it('marks a cancelled booking CANCELLED', async () => {
    const { booking } = await bookedMeeting();
    const token = tokenOf(booking.cancelUrl);
    expect((await cancel(booking.id, { token })).status).toBe(200);
    expect(parsedEvent((await downloadCalendarFile(booking.id, token)).text).status).toBe('CANCELLED');
  });

  it('from the cancel link holds the cancel link and not the reschedule link', async () => {
    const { booking } = await bookedMeeting();
    const { text } = await downloadCalendarFile(booking.id, tokenOf(booking.cancelUrl));
    const description = parsedEvent(text).description;
    expect(description).toContain(booking.cancelUrl);
    expect(text).not.toContain(tokenOf(booking.rescheduleUrl));
    expect(description).not.toContain('Reschedule');
  });

  it('answers the same 404 JSON for a wrong token, no token, an unknown id and a malformed id', async () => {
    const { booking } = await bookedMeeting();
    const attempts = [
      [booking.id, 'not-the-token'],
      [booking.id, null],
      ['00000000-0000-4000-8000-000000000000', tokenOf(booking.cancelUrl)],
      ['not-a-uuid', tokenOf(booking.cancelUrl)],
    ] as const;
    for (const [id, token] of attempts) {
      const reply = await downloadCalendarFile(id, token);
      expect(reply.status).toBe(404);
      expect(reply.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(reply.text)).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });
});
