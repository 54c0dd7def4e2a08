import { eventType } from 'inngest';
import { z } from 'zod';

// The only place event names live. Outbox rows carry one of these names and a payload of its schema;
// dispatch sends them to Inngest with the outbox id as the event id, so retries are de-duplicated.

const changedBy = z.enum(['invitee', 'host', 'system']);

const bookingRef = z.object({
  bookingId: z.uuid(),
  hostUserId: z.uuid(),
  meetingTypeId: z.uuid(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
});

const meetingTypeRef = z.object({ meetingTypeId: z.uuid(), hostUserId: z.uuid() });

export const eventSchemas = {
  'booking/confirmed': bookingRef,
  /** A request for a meeting type that requires confirmation: pending, holding its slot until decided or `expiresAt`. */
  'booking/requested': bookingRef.extend({ expiresAt: z.iso.datetime() }),
  /** A request refused: by the host (`host`, with an optional reason) or because nobody answered in time (`system`). */
  'booking/declined': bookingRef.extend({ reason: z.string().nullable(), declinedBy: z.enum(['host', 'system']) }),
  'booking/cancelled': bookingRef.extend({ reason: z.string().nullable(), cancelledBy: changedBy }),
  // Optional: rows written before it existed lack it (only invitees could move a booking then).
  'booking/rescheduled': bookingRef.extend({
    previousBookingId: z.uuid(),
    rescheduledBy: changedBy.optional(),
    /** What the host wrote to the invitee when moving it for them. */
    message: z.string().nullable().optional(),
  }),
  /** The host asked the invitee to pick a new time; the booking keeps its slot until they pick or decline. */
  'booking/new-time-requested': bookingRef.extend({ message: z.string().nullable() }),
  /** The host marked (noShow true) or unmarked the invitee as not having come. No job yet: for API and webhooks. */
  'booking/no-show-marked': bookingRef.extend({ noShow: z.boolean(), markedBy: changedBy }),
  /** A calendar connection lost its consent (invalid_grant): the host is told once, to reconnect. */
  'calendar/reauth-required': z.object({
    connectionId: z.uuid(),
    hostUserId: z.uuid(),
    provider: z.enum(['google', 'microsoft']),
    accountEmail: z.string().nullable(),
  }),
  /** A connection failed for a day in a row and stopped polling (status `error`): the host is told once, to try again. */
  'calendar/sync-stopped': z.object({
    connectionId: z.uuid(),
    hostUserId: z.uuid(),
    provider: z.enum(['google', 'microsoft', 'ics']),
    /** The account email, or the feed's name. */
    label: z.string().nullable(),
    lastError: z.string().nullable(),
  }),
  /** A single-use account link (verify, new address, password reset) to mail; the token is derived, never carried. */
  'account/email-requested': z.object({ tokenId: z.uuid() }),
  /** Something changed at a calendar (push, settings): read it again. Sent straight to the job runner, not through the outbox. */
  'calendar/sync-requested': z.object({ connectionId: z.uuid(), provider: z.enum(['google', 'microsoft', 'ics']) }),
  /** A host made, changed or deleted a meeting type (for webhooks). */
  'meeting-type/created': meetingTypeRef,
  'meeting-type/updated': meetingTypeRef,
  'meeting-type/deleted': meetingTypeRef,
  /** An endpoint has deliveries due: send them. Straight to the job runner; the retry poll repeats a lost one. */
  'webhook/delivery-requested': z.object({ endpointId: z.uuid() }),
  /** A webhook endpoint failed for 3 days and was turned off: the host is told once. */
  'webhook/endpoint-disabled': z.object({ endpointId: z.uuid(), hostUserId: z.uuid(), url: z.string() }),
  /** A team invitation to mail (issue 20); its link's token is derived from the id, never carried. */
  'team/invitation-requested': z.object({ invitationId: z.uuid() }),
  /**
   * A member left or was removed from a team (issue 20): their future round-robin bookings of the team's
   * types are reassigned to a free member, or the invitee is told. Confirmed bookings stay theirs otherwise.
   */
  'team/member-removed': z.object({ teamId: z.uuid(), userId: z.uuid(), removedByUserId: z.uuid().nullable() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];

/** Inngest's typed triggers for the same events (validated again when a function receives one). */
export const bookingConfirmed = eventType('booking/confirmed', { schema: eventSchemas['booking/confirmed'] });
export const bookingRequested = eventType('booking/requested', { schema: eventSchemas['booking/requested'] });
export const bookingDeclined = eventType('booking/declined', { schema: eventSchemas['booking/declined'] });
export const bookingCancelled = eventType('booking/cancelled', { schema: eventSchemas['booking/cancelled'] });
export const bookingRescheduled = eventType('booking/rescheduled', { schema: eventSchemas['booking/rescheduled'] });
export const bookingNewTimeRequested = eventType('booking/new-time-requested', { schema: eventSchemas['booking/new-time-requested'] });
export const bookingNoShowMarked = eventType('booking/no-show-marked', { schema: eventSchemas['booking/no-show-marked'] });
export const calendarReauthRequired = eventType('calendar/reauth-required', { schema: eventSchemas['calendar/reauth-required'] });
export const calendarSyncStopped = eventType('calendar/sync-stopped', { schema: eventSchemas['calendar/sync-stopped'] });
export const accountEmailRequested = eventType('account/email-requested', { schema: eventSchemas['account/email-requested'] });
export const calendarSyncRequested = eventType('calendar/sync-requested', { schema: eventSchemas['calendar/sync-requested'] });
export const meetingTypeCreated = eventType('meeting-type/created', { schema: eventSchemas['meeting-type/created'] });
export const meetingTypeUpdated = eventType('meeting-type/updated', { schema: eventSchemas['meeting-type/updated'] });
export const meetingTypeDeleted = eventType('meeting-type/deleted', { schema: eventSchemas['meeting-type/deleted'] });
export const webhookDeliveryRequested = eventType('webhook/delivery-requested', { schema: eventSchemas['webhook/delivery-requested'] });
export const webhookEndpointDisabled = eventType('webhook/endpoint-disabled', { schema: eventSchemas['webhook/endpoint-disabled'] });

export const teamInvitationRequested = eventType('team/invitation-requested', { schema: eventSchemas['team/invitation-requested'] });
export const teamMemberRemoved = eventType('team/member-removed', { schema: eventSchemas['team/member-removed'] });

/** An event as dispatch hands it on: the outbox row id is the event id, its creation time the timestamp. */
export interface DispatchedEvent<N extends EventName = EventName> {
  id: string;
  name: N;
  data: EventPayload<N>;
  /** Milliseconds since the epoch. */
  ts: number;
}
