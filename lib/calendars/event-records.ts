import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { bookings, calendarConnections, connectedCalendars, externalBusy, meetingTypes, users } from '@/db/schema';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { runHostWrite } from '@/lib/hosts/host-write';

// What write-back reads and records, shared by one booking's event (write-back.ts) and a group
// event's one event per occasion (occasion-write-back.ts).

export type BookingChange = { kind: 'confirmed' } | { kind: 'cancelled' } | { kind: 'rescheduled'; previousBookingId: string };
export type WriteOutcome = 'created' | 'updated' | 'deleted' | 'unchanged' | 'no_calendar';

export type LoadedBooking = NonNullable<Awaited<ReturnType<typeof loadBooking>>>;

export async function loadBooking(deps: HostWriteDeps, bookingId: string) {
  const [row] = await deps.database
    .select({ booking: bookings, meetingType: meetingTypes, hostTimeZone: users.timeZone })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .innerJoin(users, eq(users.id, bookings.hostUserId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}

export async function calendarById(deps: HostWriteDeps, calendarId: string | null) {
  if (!calendarId) return null;
  const [row] = await deps.database
    .select({ calendar: connectedCalendars, connection: calendarConnections })
    .from(connectedCalendars)
    .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
    .where(eq(connectedCalendars.id, calendarId));
  return row ?? null;
}

export async function receivingCalendar(deps: HostWriteDeps, hostUserId: string) {
  const [row] = await deps.database
    .select({ calendar: connectedCalendars, connection: calendarConnections })
    .from(connectedCalendars)
    .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
    .where(and(eq(connectedCalendars.userId, hostUserId), eq(connectedCalendars.receivesEvents, true), ne(calendarConnections.provider, 'ics')));
  return row ?? null;
}

/**
 * Records the event on the booking and drops any copy a sync imported before we knew its id. Under the
 * host lock, so it is ordered with cancel and reschedule: returns the booking's status as it is now.
 */
export async function storeEvent(deps: HostWriteDeps, hostUserId: string, bookingId: string, calendarRowId: string, written: { eventId: string; joinUrl: string | null }) {
  return runHostWrite(deps, { hostUserId, actor: { kind: 'system', job: 'calendar-write-back' } }, async ({ tx }) => {
    const [row] = await tx
      .update(bookings)
      .set({ calendarEventId: written.eventId, calendarEventCalendarId: calendarRowId, calendarJoinUrl: written.joinUrl })
      .where(eq(bookings.id, bookingId))
      .returning({ status: bookings.status });
    await tx.delete(externalBusy).where(and(eq(externalBusy.userId, hostUserId), eq(externalBusy.sourceEventId, written.eventId)));
    return row?.status;
  });
}

