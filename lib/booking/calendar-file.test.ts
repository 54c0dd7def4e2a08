import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { calendarEvent } from './calendar-event';
import { calendarFile, type CalendarFileInput } from './calendar-file';

const event = calendarEvent({
  meetingName: 'Intro call',
  hostName: 'Ada Host',
  location: 'Room 4, Main St',
  start: new Date('2027-03-01T09:30:00Z'),
  end: new Date('2027-03-01T10:00:00Z'),
  cancelUrl: 'https://rendezvous.test/bookings/b1/cancel?token=c',
  rescheduleUrl: 'https://rendezvous.test/bookings/b1/reschedule?token=r',
});
const input: CalendarFileInput = { ...event, uid: 'root-id@rendezvous', sequence: 0, cancelled: false, stamp: new Date('2027-02-01T00:00:00Z') };

/** The one VEVENT, read back by an independent parser. */
function parsedEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('the .ics file of a booking', () => {
  it('publishes one event in UTC with the summary, location, links and UID', () => {
    const text = calendarFile(input);
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('DTSTART:20270301T093000Z');
    expect(text).toContain('DTEND:20270301T100000Z');
    const parsed = parsedEvent(text);
    expect(parsed.uid).toBe('root-id@rendezvous');
    expect(parsed.summary).toBe('Intro call with Ada Host');
    expect(parsed.location).toBe('Room 4, Main St');
    expect(parsed.description).toContain('Reschedule: https://rendezvous.test/bookings/b1/reschedule?token=r');
    expect(parsed.description).toContain('Cancel: https://rendezvous.test/bookings/b1/cancel?token=c');
    expect(parsed.status).toBe('CONFIRMED');
  });

  it('marks a cancelled booking CANCELLED', () => {
    expect(parsedEvent(calendarFile({ ...input, cancelled: true, sequence: 1 })).status).toBe('CANCELLED');
  });

  it('leaves out the location when the meeting type has none', () => {
    const text = calendarFile({ ...input, location: null });
    expect(text).not.toContain('LOCATION');
  });

  it('escapes text so a name cannot add properties or break lines', () => {
    const hostile = calendarEvent({ ...event, meetingName: 'Call;\r\nATTENDEE:mailto:x@evil.test', hostName: 'A, B\\C', location: null });
    const text = calendarFile({ ...input, ...hostile });
    expect(text).not.toMatch(/^ATTENDEE/m);
    expect(parsedEvent(text).summary).toBe('Call;\r\nATTENDEE:mailto:x@evil.test with A, B\\C'.replace('\r\n', '\n'));
  });
});
