import { fromZonedTime } from 'date-fns-tz';
import { z } from 'zod';
import type { EventVerdict } from '../busy-changes';

// One Google Calendar event (events.list with singleEvents=true, so recurring series arrive as
// instances) → busy or not. Cancelled, transparent ("free") and declined events do not block.

const when = z.object({ dateTime: z.string().optional(), date: z.string().optional(), timeZone: z.string().optional() });

export const googleEventSchema = z.object({
  id: z.string().min(1).max(1024),
  status: z.string().optional(),
  start: when.optional(),
  end: when.optional(),
  transparency: z.string().optional(),
  attendees: z.array(z.object({ self: z.boolean().optional(), responseStatus: z.string().optional() })).optional(),
});
export type GoogleEvent = z.infer<typeof googleEventSchema>;

function instant(value: z.infer<typeof when> | undefined, calendarZone: string): Date | null {
  if (value?.dateTime) {
    const parsed = new Date(value.dateTime);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  // All-day events: midnight in the calendar's own zone.
  if (value?.date && /^\d{4}-\d{2}-\d{2}$/.test(value.date)) {
    try {
      return fromZonedTime(`${value.date}T00:00:00`, value.timeZone ?? calendarZone);
    } catch {
      return fromZonedTime(`${value.date}T00:00:00`, 'UTC');
    }
  }
  return null;
}

export function googleEventVerdict(event: GoogleEvent, calendarZone: string): EventVerdict {
  const notBusy: EventVerdict = { kind: 'not_busy', id: event.id };
  if (event.status === 'cancelled' || event.transparency === 'transparent') return notBusy;
  if (event.attendees?.some((attendee) => attendee.self && attendee.responseStatus === 'declined')) return notBusy;
  const start = instant(event.start, calendarZone);
  const end = instant(event.end, calendarZone);
  if (!start || !end || end <= start) return notBusy;
  return { kind: 'busy', event: { id: event.id, start, end } };
}
