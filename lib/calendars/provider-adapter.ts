import type { BusyChanges } from './busy-changes';

// One interface over Google Calendar and Microsoft Graph: what the connect flow, sync and
// write-back need, given a valid access token.

export interface ProviderCalendar {
  externalId: string;
  name: string;
  isPrimary: boolean;
  canWrite: boolean;
}

export interface SyncTarget {
  externalId: string;
  /** The stored cursor (Google syncToken / Graph deltaLink); null for a full sync. */
  cursor: string | null;
}

export interface EventDraft {
  /** Our booking id: the idempotency handle (Google event id, Graph transactionId). */
  bookingId: string;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  timeZone: string;
  location: string | null;
  attendees: { email: string; name: string }[];
  /** A group event: each attendee sees only themself (Google guestsCanSeeOtherGuests, Graph hideAttendees). */
  hideAttendees?: boolean;
  addVideoLink: boolean;
}

export interface WrittenEvent {
  eventId: string;
  joinUrl: string | null;
}

export interface WatchRequest {
  /** Our id for a new Google channel (Graph assigns its own). */
  channelId: string;
  address: string;
  /** Graph's lifecycle notification address (reauthorizationRequired, subscriptionRemoved, missed). */
  lifecycleAddress: string;
  /** X-Goog-Channel-Token / Graph clientState: proves a notification came from our channel. */
  secret: string;
  expiresAt: Date;
}

export interface Watch {
  id: string;
  resourceId: string | null;
  expiresAt: Date;
}

export interface ProviderAdapter {
  /** A push channel (Google events.watch / Graph subscription) on one calendar's events. */
  startWatch(accessToken: string, calendarId: string, request: WatchRequest): Promise<Watch>;
  /** Graph extends a subscription in place; Google cannot (null: open a new channel instead). */
  renewWatch(accessToken: string, watch: Watch, expiresAt: Date): Promise<Watch | null>;
  stopWatch(accessToken: string, watch: Watch): Promise<void>;
  accountEmail(accessToken: string): Promise<string>;
  listCalendars(accessToken: string): Promise<ProviderCalendar[]>;
  /** Changes since the cursor; a cursor the provider refuses (410) becomes a full sync. */
  fetchBusyChanges(accessToken: string, target: SyncTarget, now: number): Promise<BusyChanges>;
  /** Busy intervals of these calendars in [start, end): the live re-check before a booking commits. */
  queryFreeBusy(accessToken: string, calendarIds: string[], range: { start: Date; end: Date }, timeoutMs: number): Promise<{ start: Date; end: Date }[]>;
  createEvent(accessToken: string, calendarId: string, draft: EventDraft): Promise<WrittenEvent>;
  updateEvent(accessToken: string, calendarId: string, eventId: string, draft: EventDraft): Promise<WrittenEvent>;
  /** Deleting an event that is already gone succeeds. */
  deleteEvent(accessToken: string, calendarId: string, eventId: string): Promise<void>;
}
