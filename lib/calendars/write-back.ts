import 'server-only';
import { answerLines } from '@/lib/answer-text';
import { hostBookingUrl } from '@/lib/app-urls';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { freshAccessToken } from './access-token';
import { providerFor } from './adapters';
import type { EventDraft } from './provider-adapter';
import type { OAuthProvider } from './provider-config';
import { type BookingChange, calendarById, type LoadedBooking, loadBooking, receivingCalendar, storeEvent, type WriteOutcome } from './event-records';
import { writeOccasionEvent } from './occasion-write-back';

// Bookings on the host's calendar: created on booking/confirmed in the calendar that receives
// events (invitee as attendee, Meet or Teams when the meeting type asks for a video link), moved on
// reschedule, deleted on cancel. Safe to retry: the booking id is the provider's idempotency handle
// and a stored event id is never created twice. The description links to the booking's dashboard
// page, never to the invitee's cancel/reschedule links: delegates and colleagues read that calendar.

export type { BookingChange, WriteOutcome } from './event-records';

function draftFor(loaded: LoadedBooking): EventDraft {
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
    attendees: [{ email: booking.inviteeEmail, name: booking.inviteeName }],
    addVideoLink: meetingType.addVideoLink,
  };
}

export async function writeBookingEvent(deps: HostWriteDeps, bookingId: string, change: BookingChange): Promise<WriteOutcome> {
  const loaded = await loadBooking(deps, bookingId);
  if (!loaded) return 'unchanged';
  const { booking } = loaded;
  const hostUserId = booking.hostUserId;
  // A group event's seat: one event per occasion, with every seat as an attendee.
  if (booking.seatKey !== null) return writeOccasionEvent(deps, loaded, change);

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
    // A round-robin move to another member: the old member's entry goes, and the new member's calendar gets its own below.
    if (previous?.booking.calendarEventId && target && previous.booking.hostUserId !== hostUserId) {
      const provider = target.connection.provider as OAuthProvider;
      await providerFor(provider).adapter.deleteEvent(await freshAccessToken(deps, target.connection.id), target.calendar.externalId, previous.booking.calendarEventId);
    } else if (previous?.booking.calendarEventId && target) {
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
