import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { bookings, meetingTypes, users } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { calendarEvent } from './calendar-event';
import { calendarFile } from './calendar-file';
import { findBookingByLink } from './find-booking';
import { presentBooking } from './present';

// A reschedule chain is short (each move needs a free slot and the change window); the bound only
// guards against a cycle written by hand into the database.
const MAX_CHAIN_HOPS = 50;

/** The first booking of the reschedule chain and how many moves separate it from this one. */
async function chainRoot(database: Queryable, booking: { id: string; rescheduledFromId: string | null }) {
  let current = booking;
  let hops = 0;
  while (current.rescheduledFromId && hops < MAX_CHAIN_HOPS) {
    const [previous] = await database
      .select({ id: bookings.id, rescheduledFromId: bookings.rescheduledFromId })
      .from(bookings)
      .where(eq(bookings.id, current.rescheduledFromId));
    if (!previous) break; // Archived past the retention window: the oldest one left is the root.
    current = previous;
    hops += 1;
  }
  return { rootId: current.id, hops };
}

/** The booking's .ics file for the holder of one of its links; every failure is the same 404. */
export async function findCalendarFile(database: Queryable, bookingId: string, token: string | null, now = new Date()) {
  const { booking, purpose } = await findBookingByLink(database, bookingId, token);
  const [meetingType] = await database
    .select({ name: meetingTypes.name, location: meetingTypes.location, hostName: users.name })
    .from(meetingTypes)
    .innerJoin(users, eq(users.id, meetingTypes.userId))
    .where(eq(meetingTypes.id, booking.meetingTypeId));
  if (!meetingType) throw notFound('Booking');
  const { rootId, hops } = await chainRoot(database, booking);
  const { cancelUrl, rescheduleUrl } = presentBooking(booking, [purpose]);
  const event = calendarEvent({
    meetingName: meetingType.name,
    hostName: meetingType.hostName,
    location: meetingType.location,
    start: booking.startTime,
    end: booking.endTime,
    cancelUrl,
    rescheduleUrl,
  });
  const cancelled = booking.status === 'cancelled';
  return {
    filename: `rendezvous-${booking.id.slice(0, 8)}.ics`,
    body: calendarFile({ ...event, uid: `${rootId}@rendezvous`, sequence: hops + (cancelled ? 1 : 0), cancelled, stamp: now }),
  };
}
