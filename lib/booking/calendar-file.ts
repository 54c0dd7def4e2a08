import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarEvent } from './calendar-event';

export interface CalendarFileInput extends CalendarEvent {
  /** The same for every booking in a reschedule chain, so a calendar updates one entry. */
  uid: string;
  /** Grows with each change, so calendars prefer the newest file for that UID. */
  sequence: number;
  cancelled: boolean;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
}

/** An iCalendar file (METHOD:PUBLISH) with one event in UTC; the library escapes every text value. */
export function calendarFile(input: CalendarFileInput): string {
  const calendar = ical({ prodId: { company: 'Rendezvous', product: 'Rendezvous', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.stamp,
    start: input.start,
    end: input.end,
    summary: input.summary,
    location: input.location,
    description: input.description || null,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
