import ical, { type VEvent } from 'node-ical';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inviteEvent } from './invite-event';
import { inviteFile, type InviteFileInput } from './invite-file';

const event = inviteEvent({
  meetingName: 'Intro call',
  hostName: 'Ada Host',
  location: 'Room 4, Main St',
  start: new Date('2027-03-01T09:30:00Z'),
  end: new Date('2027-03-01T10:00:00Z'),
  cancelUrl: 'https://rendezvous.test/bookings/b1/cancel?token=c',
  rescheduleUrl: 'https://rendezvous.test/bookings/b1/reschedule?token=r',
});
const input: InviteFileInput = { ...event, uid: 'root-id@rendezvous', sequence: 0, cancelled: false, stamp: new Date('2027-02-01T00:00:00Z') };

/** The one VEVENT, read back by an independent parser. */
function parsedEvent(text: string): VEvent {
  const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('the .ics file of a booking', () => {
  it('publishes one event in UTC with the summary, location, links and UID', () => {
    const text = inviteFile(input);
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
    expect(parsedEvent(inviteFile({ ...input, cancelled: true, sequence: 1 })).status).toBe('CANCELLED');
  });

  it('leaves out the location when the meeting type has none', () => {
    const text = inviteFile({ ...input, location: null });
    expect(text).not.toContain('LOCATION');
  });

  it('escapes text so a name cannot add properties or break lines', () => {
    const hostile = inviteEvent({ ...event, meetingName: 'Call;\r\nATTENDEE:mailto:x@evil.test', hostName: 'A, B\\C', location: null });
    const text = inviteFile({ ...input, ...hostile });
    expect(text).not.toMatch(/^ATTENDEE/m);
    expect(parsedEvent(text).summary).toBe('Call;\r\nATTENDEE:mailto:x@evil.test with A, B\\C'.replace('\r\n', '\n'));
  });
});

describe('the people in an invitation (RFC 5545 parameters)', () => {
  const invitation = (organizer: string, attendee: string) =>
    inviteFile({ ...input, method: 'REQUEST', organizer: { name: organizer, email: 'host@example.test' }, attendee: { name: attendee, email: 'eve@example.test' } });

  /** The property lines (unfolded) named `name`, as an independent reader sees them. */
  const lines = (text: string, name: string) => text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((line) => line.startsWith(`${name};`) || line.startsWith(`${name}:`));

  it.each([
    'Eve" ;ROLE=CHAIR;SENT-BY="mailto:x@evil.test',
    'Eve";CUTYPE=ROOM:mailto:x@evil.test',
    'Eve: the, one; really',
    'Eve\r\nATTENDEE:mailto:x@evil.test',
    'Eve\u0000\u0007\u001b[31m\u007f',
    'Eve \\" back\\slash',
  ])('keeps exactly one ATTENDEE with the invitee address and only the intended parameters for %j', (name) => {
    const text = invitation('Ada "The Host"; ROLE=CHAIR', name);
    const parsed = parsedEvent(text);
    const attendees = [parsed.attendee].flat();
    expect(attendees).toHaveLength(1);
    const attendee = attendees[0] as { val: string; params: Record<string, string> };
    expect(attendee.val.toLowerCase()).toBe('mailto:eve@example.test');
    expect(Object.keys(attendee.params).sort()).toEqual(['CN', 'PARTSTAT', 'ROLE']);
    expect(attendee.params.ROLE).toBe('REQ-PARTICIPANT');
    expect(attendee.params.CN).toMatch(/^Eve/);
    expect(attendee.params.CN).not.toMatch(/["\p{Cc}]/u);
    const organizer = parsed.organizer as unknown as { val: string; params: Record<string, string> };
    expect(organizer.val.toLowerCase()).toBe('mailto:host@example.test');
    expect(Object.keys(organizer.params)).toEqual(['CN']);
    expect(lines(text, 'ATTENDEE')).toHaveLength(1);
    expect(lines(text, 'ORGANIZER')).toHaveLength(1);
  });

  it('quotes every name with a separator and keeps its words', () => {
    const text = invitation('Host: A, B; C', 'Eve: the, one; really').replace(/\r?\n[ \t]/g, '');
    expect(text).toContain('ORGANIZER;CN="Host: A, B, C":mailto:host@example.test');
    expect(parsedEvent(text).attendee).toMatchObject({ params: { CN: 'Eve: the, one, really' } });
  });

  it('never lets any name add a parameter or a property (property test)', () => {
    const nameChars = fc.constantFrom('"', ';', ':', ',', '\\', '\r', '\n', '\t', '\u0000', '\u007f', '=', 'A', 'é', ' ', 'ROLE=CHAIR', 'mailto:x@evil.test');
    const names = fc.array(nameChars, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(names, names, (organizer, attendee) => {
        const parsed = parsedEvent(invitation(organizer, attendee));
        const attendees = [parsed.attendee].flat() as { val: string; params: Record<string, string> }[];
        expect(attendees).toHaveLength(1);
        expect(attendees[0]!.val.toLowerCase()).toBe('mailto:eve@example.test');
        expect(Object.keys(attendees[0]!.params).sort()).toEqual(['CN', 'PARTSTAT', 'ROLE']);
        expect(attendees[0]!.params.CN).not.toMatch(/["\p{Cc}]/u);
        expect((parsed.organizer as unknown as { val: string }).val.toLowerCase()).toBe('mailto:host@example.test');
      }),
      { numRuns: 300 },
    );
  });
});
