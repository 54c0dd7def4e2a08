import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { InviteEvent } from './invite-event';

interface Person {
  name: string;
  email: string;
}

export interface InviteFileInput extends InviteEvent {
  /** The same for every booking in a reschedule chain, so a calendar updates one entry. */
  uid: string;
  /** Grows with each change, so calendars prefer the newest file for that UID. */
  sequence: number;
  cancelled: boolean;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  /**
   * PUBLISH (a download) by default. Emails send REQUEST (an invitation a calendar adds or updates)
   * and CANCEL (removes it), which name the organizer (the host) and the attendee (the invitee).
   */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  organizer?: Person;
  attendee?: Person;
}

/**
 * A name as an RFC 5545 §3.2 parameter value. ical-generator quotes a value holding `;`, `:` or `,`,
 * but backslash-escapes `"`, which a quoted-string cannot hold: a quote would end the value and let
 * the rest add parameters (ROLE=CHAIR, SENT-BY) or another address. So quotes become apostrophes,
 * controls (CR, LF, NUL, DEL…) spaces and backslashes slashes; semicolons become commas, because
 * common readers (node-ical among them) split parameters on every `;`, even inside quotes.
 */
export function parameterText(value: string): string {
  return value.replace(/"/g, "'").replace(/\\/g, '/').replace(/;/g, ',').replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

const person = (who: Person | undefined) => (who ? { email: who.email, name: parameterText(who.name) || who.email } : null);

const methods = { PUBLISH: ICalCalendarMethod.PUBLISH, REQUEST: ICalCalendarMethod.REQUEST, CANCEL: ICalCalendarMethod.CANCEL };

/** An iCalendar file with one event in UTC; the library escapes every text value, `parameterText` each name. */
export function inviteFile(input: InviteFileInput): string {
  const calendar = ical({ prodId: { company: 'Rendezvous', product: 'Rendezvous', language: 'EN' }, method: methods[input.method ?? 'PUBLISH'] });
  const event = calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.stamp,
    start: input.start,
    end: input.end,
    summary: input.summary,
    location: input.location,
    description: input.description || null,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: person(input.organizer),
  });
  if (input.attendee) {
    event.createAttendee({
      ...person(input.attendee)!,
      role: ICalAttendeeRole.REQ,
      status: input.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
    });
  }
  return calendar.toString();
}
