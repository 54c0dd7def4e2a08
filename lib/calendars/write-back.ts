import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { bookings, calendarConnections, connectedCalendars, externalBusy, meetingTypes, users } from '@/db/schema';
import { answerLines } from '@/lib/answer-text';
import { hostBookingUrl } from '@/lib/app-urls';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { runHostWrite } from '@/lib/hosts/host-write';
import { freshAccessToken } from './access-token';
import { providerFor } from './adapters';
import type { EventDraft } from './provider-adapter';
import type { OAuthProvider } from './provider-config';

// Bookings on the host's calendar: created on booking/confirmed in the calendar that receives
// events (invitee as attendee, Meet or Teams when the meeting type asks for a video link), moved on
// reschedule, deleted on cancel. Safe to retry: the booking id is the provider's idempotency handle
// and a stored event id is never created twice. The description links to the booking's dashboard
// page, never to the invitee's cancel/reschedule links: delegates and colleagues read that calendar.

export type BookingChange = { kind: 'confirmed' } | { kind: 'cancelled' } | { kind: 'rescheduled'; previousBookingId: string };
export type WriteOutcome = 'created' | 'updated' | 'deleted' | 'unchanged' | 'no_calendar';

async function loadBooking(deps: HostWriteDeps, bookingId: string) {
  const [row] = await deps.database
    .select({ booking: bookings, meetingType: meetingTypes, hostTimeZone: users.timeZone })
    .from(bookings)
    .innerJoin(meetingTypes, eq(meetingTypes.id, bookings.meetingTypeId))
    .innerJoin(users, eq(users.id, bookings.hostUserId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}

async function calendarById(deps: HostWriteDeps, calendarId: string | null) {
  if (!calendarId) return null;
  const [row] = await deps.database
    .select({ calendar: connectedCalendars, connection: calendarConnections })
    .from(connectedCalendars)
    .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
    .where(eq(connectedCalendars.id, calendarId));
  return row ?? null;
}

async function receivingCalendar(deps: HostWriteDeps, hostUserId: string) {
  const [row] = await deps.database
    .select({ calendar: connectedCalendars, connection: calendarConnections })
    .from(connectedCalendars)
    .innerJoin(calendarConnections, eq(calendarConnections.id, connectedCalendars.connectionId))
    .where(and(eq(connectedCalendars.userId, hostUserId), eq(connectedCalendars.receivesEvents, true), ne(calendarConnections.provider, 'ics')));
  return row ?? null;
}

function draftFor(loaded: NonNullable<Awaited<ReturnType<typeof loadBooking>>>): EventDraft {
  const { booking, meetingType } = loaded;
  return {
    bookingId: booking.id,
    summary: `${meetingType.name} with ${booking.inviteeName}`,
    description: [`Booking: ${hostBookingUrl(booking.id)}`, booking.notes ? `Notes from ${booking.inviteeName}:\n${booking.notes}` : '', answerLines(booking.answers).join('\n')]
      .filter(Boolean)
      .join('\n\n'),
    start: booking.startTime,
    end: booking.endTime,
    timeZone: loaded.hostTimeZone,
    location: meetingType.location?.trim() || null,
    attendee: { email: booking.inviteeEmail, name: booking.inviteeName },
    addVideoLink: meetingType.addVideoLink,
  };
}

/**
 * Records the event on the booking and drops any copy a sync imported before we knew its id. Under the
 * host lock, so it is ordered with cancel and reschedule: returns the booking's status as it is now.
 */
async function storeEvent(deps: HostWriteDeps, hostUserId: string, bookingId: string, calendarRowId: string, written: { eventId: string; joinUrl: string | null }) {
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

export async function writeBookingEvent(deps: HostWriteDeps, bookingId: string, change: BookingChange): Promise<WriteOutcome> {
  const loaded = await loadBooking(deps, bookingId);
  if (!loaded) return 'unchanged';
  const { booking } = loaded;
  const hostUserId = booking.hostUserId;

  if (change.kind === 'cancelled' || booking.status === 'cancelled') {
    const target = await calendarById(deps, booking.calendarEventCalendarId);
    if (!booking.calendarEventId || !target) return 'unchanged';
    const provider = target.connection.provider as OAuthProvider;
    await providerFor(provider).adapter.deleteEvent(await freshAccessToken(deps, target.connection.id), target.calendar.externalId, booking.calendarEventId);
    return 'deleted';
  }
  if (booking.status !== 'confirmed') return 'unchanged';

  // A moved booking keeps its predecessor's event: the entry moves instead of a second one appearing.
  if (change.kind === 'rescheduled' && !booking.calendarEventId) {
    const previous = await loadBooking(deps, change.previousBookingId);
    const target = await calendarById(deps, previous?.booking.calendarEventCalendarId ?? null);
    if (previous?.booking.calendarEventId && target) {
      const provider = target.connection.provider as OAuthProvider;
      const accessToken = await freshAccessToken(deps, target.connection.id);
      const { adapter } = providerFor(provider);
      const written = await adapter.updateEvent(accessToken, target.calendar.externalId, previous.booking.calendarEventId, draftFor(loaded));
      const status = await storeEvent(deps, hostUserId, booking.id, target.calendar.id, { eventId: written.eventId, joinUrl: written.joinUrl ?? previous.booking.calendarJoinUrl });
      if (status !== 'confirmed') {
        await adapter.deleteEvent(accessToken, target.calendar.externalId, written.eventId);
        return 'deleted';
      }
      return 'updated';
    }
  }
  if (booking.calendarEventId) return 'unchanged';

  const receiver = await receivingCalendar(deps, hostUserId);
  if (!receiver || receiver.connection.status === 'reauth_required') return 'no_calendar';
  const provider = receiver.connection.provider as OAuthProvider;
  const accessToken = await freshAccessToken(deps, receiver.connection.id);
  const { adapter } = providerFor(provider);
  const written = await adapter.createEvent(accessToken, receiver.calendar.externalId, draftFor(loaded));
  const status = await storeEvent(deps, hostUserId, booking.id, receiver.calendar.id, written);
  // Cancelled or moved while the event was being created: that change's job found no event id to act
  // on, so the event goes now (a moved booking's successor gets an event of its own).
  if (status !== 'confirmed') {
    await adapter.deleteEvent(accessToken, receiver.calendar.externalId, written.eventId);
    return 'deleted';
  }
  return 'created';
}
