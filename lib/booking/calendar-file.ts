import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarEvent } from './calendar-event';

interface Person {
  name: string;
  email: string;
}

export interface CalendarFileInput extends CalendarEvent {
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

const methods = { PUBLISH: ICalCalendarMethod.PUBLISH, REQUEST: ICalCalendarMethod.REQUEST, CANCEL: ICalCalendarMethod.CANCEL };

/** An iCalendar file with one event in UTC; the library escapes every text value. */
export function calendarFile(input: CalendarFileInput): string {
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
    organizer: input.organizer ?? null,
  });
  if (input.attendee) {
    event.createAttendee({
      ...input.attendee,
      role: ICalAttendeeRole.REQ,
      status: input.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
    });
  }
  return calendar.toString();
}
