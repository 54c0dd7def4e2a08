import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { bookings, externalBusy } from '@/db/schema';
import { hostBookingUrl } from '@/lib/app-urls';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import { freshAccessToken } from './access-token';
import { providerFor } from './adapters';
import { type BookingChange, calendarById, type LoadedBooking, loadBooking, receivingCalendar, type WriteOutcome } from './event-records';
import type { EventDraft } from './provider-adapter';
import type { OAuthProvider } from './provider-config';

// A group event's occasion is ONE event on the host's calendar, with every confirmed seat as an
// attendee who sees only themself. Each change makes the event match the seats as they are now: a
// seat joining or leaving updates it, the last one leaving deletes it, so a retry repeats the same
// write. The event's id is recorded on every seat that joined it, so any seat's job finds it. Nothing
// one invitee wrote (names, notes) goes into the shared title or description: attendees can read both.

async function confirmedSeats(deps: HostWriteDeps, seatKey: string) {
  return deps.database
    .select({ id: bookings.id, inviteeName: bookings.inviteeName, inviteeEmail: bookings.inviteeEmail, calendarEventId: bookings.calendarEventId, calendarEventCalendarId: bookings.calendarEventCalendarId })
    .from(bookings)
    .where(and(eq(bookings.seatKey, seatKey), eq(bookings.status, 'confirmed')))
    .orderBy(asc(bookings.createdAt), asc(bookings.id));
}

type Seat = Awaited<ReturnType<typeof confirmedSeats>>[number];

function occasionDraft(loaded: LoadedBooking, seats: Seat[], handle: string): EventDraft {
  const { booking, meetingType } = loaded;
  const taken = meetingType.seatsPerSlot ? `${seats.length} of ${meetingType.seatsPerSlot} seats taken` : `${seats.length} seats taken`;
  return {
    bookingId: handle,
    summary: meetingType.name,
    description: `Group event: ${taken}. Attendees: ${hostBookingUrl(seats[0]!.id)}`,
    start: booking.startTime,
    end: booking.endTime,
    timeZone: loaded.hostTimeZone,
    location: meetingType.location?.trim() || null,
    attendees: seats.map((seat) => ({ email: seat.inviteeEmail, name: seat.inviteeName })),
    hideAttendees: true,
    addVideoLink: meetingType.addVideoLink,
  };
}

/** Records the event on the seats still confirmed (under the host lock); the ids it was recorded on. */
async function storeOccasionEvent(deps: HostWriteDeps, hostUserId: string, seatIds: string[], calendarRowId: string, written: { eventId: string; joinUrl: string | null }) {
  return runHostWrite(deps, { hostUserId, actor: { kind: 'system', job: 'calendar-write-back' } }, async ({ tx }) => {
    const stored = await tx
      .update(bookings)
      .set({ calendarEventId: written.eventId, calendarEventCalendarId: calendarRowId, calendarJoinUrl: written.joinUrl })
      .where(and(inArray(bookings.id, seatIds), eq(bookings.status, 'confirmed')))
      .returning({ id: bookings.id });
    await tx.delete(externalBusy).where(and(eq(externalBusy.userId, hostUserId), eq(externalBusy.sourceEventId, written.eventId)));
    return stored.map((row) => row.id);
  });
}

/** Makes the occasion of `loaded` (a seat, of any status) match its confirmed seats. */
async function syncOccasion(deps: HostWriteDeps, loaded: LoadedBooking): Promise<WriteOutcome> {
  const { booking } = loaded;
  const seats = await confirmedSeats(deps, booking.seatKey!);
  const holder = seats.find((seat) => seat.calendarEventId !== null) ?? (booking.calendarEventId ? booking : null);
  const target = holder ? await calendarById(deps, holder.calendarEventCalendarId) : null;

  if (seats.length === 0) {
    if (!holder?.calendarEventId || !target) return 'unchanged';
    await providerFor(target.connection.provider as OAuthProvider).adapter.deleteEvent(await freshAccessToken(deps, target.connection.id), target.calendar.externalId, holder.calendarEventId);
    return 'deleted';
  }
  const lacking = seats.filter((seat) => seat.calendarEventId === null).map((seat) => seat.id);
  if (holder?.calendarEventId && target) {
    const { adapter } = providerFor(target.connection.provider as OAuthProvider);
    const written = await adapter.updateEvent(await freshAccessToken(deps, target.connection.id), target.calendar.externalId, holder.calendarEventId, occasionDraft(loaded, seats, seats[0]!.id));
    if (lacking.length > 0) await storeOccasionEvent(deps, booking.hostUserId, lacking, target.calendar.id, { eventId: written.eventId, joinUrl: written.joinUrl });
    return 'updated';
  }
  const receiver = await receivingCalendar(deps, booking.hostUserId);
  if (!receiver || receiver.connection.status === 'reauth_required') return 'no_calendar';
  const { adapter } = providerFor(receiver.connection.provider as OAuthProvider);
  const accessToken = await freshAccessToken(deps, receiver.connection.id);
  const written = await adapter.createEvent(accessToken, receiver.calendar.externalId, occasionDraft(loaded, seats, seats[0]!.id));
  const stored = await storeOccasionEvent(deps, booking.hostUserId, lacking, receiver.calendar.id, written);
  // Every seat left while the event was being created: their jobs found no event id, so it goes now.
  if (stored.length === 0) {
    await adapter.deleteEvent(accessToken, receiver.calendar.externalId, written.eventId);
    return 'deleted';
  }
  return 'created';
}

/** A seat's change: a moved seat leaves its old occasion's event (which stays for the others) and joins its new one. */
export async function writeOccasionEvent(deps: HostWriteDeps, loaded: LoadedBooking, change: BookingChange): Promise<WriteOutcome> {
  if (change.kind === 'rescheduled') {
    const previous = await loadBooking(deps, change.previousBookingId);
    if (previous?.booking.seatKey) await syncOccasion(deps, previous);
  }
  return syncOccasion(deps, loaded);
}
