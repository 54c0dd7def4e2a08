import 'server-only';
import { z } from 'zod';
import { ChangeCollector, MAX_SYNC_PAGES, readBusyChanges, syncWindow } from '../busy-changes';
import type { EventDraft, ProviderAdapter } from '../provider-adapter';
import { isProviderStatus, providerJson } from '../provider-request';
import { googleEventSchema, googleEventVerdict } from './event-verdict';

// Google Calendar API v3. Busy sync reads events.list with singleEvents=true (recurring series
// expanded into instances) and keeps nextSyncToken; a 410 Gone on the token means a full resync.

const calendarListSchema = z.object({
  items: z.array(z.object({ id: z.string(), summary: z.string().optional(), primary: z.boolean().optional(), accessRole: z.string().optional() })).default([]),
  nextPageToken: z.string().optional(),
});
const eventsPageSchema = z.object({
  items: z.array(googleEventSchema).default([]),
  nextPageToken: z.string().optional(),
  nextSyncToken: z.string().optional(),
  timeZone: z.string().optional(),
});
const writtenSchema = z.object({
  id: z.string(),
  hangoutLink: z.string().optional(),
  conferenceData: z.object({ entryPoints: z.array(z.object({ entryPointType: z.string(), uri: z.string() })).optional() }).optional(),
});
const channelSchema = z.object({ id: z.string(), resourceId: z.string(), expiration: z.union([z.string(), z.number()]).optional() });
const freeBusySchema = z.object({
  calendars: z.record(z.string(), z.object({ busy: z.array(z.object({ start: z.string(), end: z.string() })).default([]) })).default({}),
});

/** Google accepts client-chosen event ids in base32hex (0-9, a-v): a booking's uuid without dashes is one. */
export const googleEventIdFor = (bookingId: string) => `rdv${bookingId.replaceAll('-', '')}`;

function eventBody(draft: EventDraft, withConference: boolean) {
  return {
    summary: draft.summary,
    description: draft.description,
    location: draft.location ?? undefined,
    start: { dateTime: draft.start.toISOString(), timeZone: draft.timeZone },
    end: { dateTime: draft.end.toISOString(), timeZone: draft.timeZone },
    attendees: draft.attendees.map((attendee) => ({ email: attendee.email, displayName: attendee.name })),
    ...(draft.hideAttendees ? { guestsCanSeeOtherGuests: false } : {}),
    extendedProperties: { private: { rendezvousBookingId: draft.bookingId } },
    ...(withConference ? { conferenceData: { createRequest: { requestId: draft.bookingId, conferenceSolutionKey: { type: 'hangoutsMeet' } } } } : {}),
  };
}

const joinUrlOf = (event: z.infer<typeof writtenSchema>) =>
  event.hangoutLink ?? event.conferenceData?.entryPoints?.find((entry) => entry.entryPointType === 'video')?.uri ?? null;

export function googleAdapter(apiBase: string): ProviderAdapter {
  const calendarUrl = (calendarId: string, rest = '') => `${apiBase}/calendars/${encodeURIComponent(calendarId)}${rest}`;

  /** Reads every page from the cursor (or, without one, the sync window) to the next sync token. */
  async function readChanges(accessToken: string, calendarId: string, cursor: string | null, now: number) {
    const collector = new ChangeCollector();
    const query = new URLSearchParams({ singleEvents: 'true', maxResults: '250' });
    if (cursor) query.set('syncToken', cursor);
    else {
      const window = syncWindow(now);
      query.set('timeMin', window.start.toISOString());
      query.set('timeMax', window.end.toISOString());
    }
    let zone = 'UTC';
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const url = `${calendarUrl(calendarId, '/events')}?${query}`;
      const body = eventsPageSchema.parse(await providerJson(url, { accessToken }, 'Google events.list'));
      zone = body.timeZone ?? zone;
      for (const event of body.items) collector.add(googleEventVerdict(event, zone));
      if (!body.nextPageToken) return { collector, cursor: body.nextSyncToken ?? null };
      query.set('pageToken', body.nextPageToken);
    }
    throw new Error('Google events.list: too many pages');
  }

  return {
    async startWatch(accessToken, calendarId, request) {
      const channel = channelSchema.parse(
        await providerJson(
          calendarUrl(calendarId, '/events/watch'),
          {
            method: 'POST',
            accessToken,
            body: { id: request.channelId, type: 'web_hook', address: request.address, token: request.secret, expiration: String(request.expiresAt.getTime()) },
          },
          'Google events.watch',
        ),
      );
      return { id: channel.id, resourceId: channel.resourceId, expiresAt: new Date(Number(channel.expiration ?? request.expiresAt.getTime())) };
    },
    async renewWatch() {
      return null;
    },
    async stopWatch(accessToken, watch) {
      try {
        await providerJson(`${apiBase}/channels/stop`, { method: 'POST', accessToken, body: { id: watch.id, resourceId: watch.resourceId } }, 'Google channels.stop');
      } catch (error) {
        if (!isProviderStatus(error, 404)) throw error;
      }
    },
    async accountEmail(accessToken) {
      const primary = z.object({ id: z.string() }).parse(await providerJson(calendarUrl('primary'), { accessToken }, 'Google calendars.get'));
      return primary.id;
    },
    async listCalendars(accessToken) {
      const calendars = [];
      let pageToken: string | undefined;
      for (let page = 0; page < 20; page++) {
        const query = new URLSearchParams({ maxResults: '250', ...(pageToken ? { pageToken } : {}) });
        const body = calendarListSchema.parse(await providerJson(`${apiBase}/users/me/calendarList?${query}`, { accessToken }, 'Google calendarList.list'));
        for (const item of body.items) {
          calendars.push({
            externalId: item.id,
            name: (item.summary ?? item.id).slice(0, 255),
            isPrimary: item.primary === true,
            canWrite: item.accessRole === 'owner' || item.accessRole === 'writer',
          });
        }
        if (!body.nextPageToken) break;
        pageToken = body.nextPageToken;
      }
      return calendars;
    },
    fetchBusyChanges(accessToken, target, now) {
      return readBusyChanges(target.cursor, (cursor) => readChanges(accessToken, target.externalId, cursor, now));
    },
    async queryFreeBusy(accessToken, calendarIds, range, timeoutMs) {
      const body = freeBusySchema.parse(
        await providerJson(
          `${apiBase}/freeBusy`,
          { method: 'POST', accessToken, timeoutMs, body: { timeMin: range.start.toISOString(), timeMax: range.end.toISOString(), items: calendarIds.map((id) => ({ id })) } },
          'Google freeBusy.query',
        ),
      );
      return Object.values(body.calendars).flatMap((calendar) => calendar.busy.map((busy) => ({ start: new Date(busy.start), end: new Date(busy.end) })));
    },
    async createEvent(accessToken, calendarId, draft) {
      const id = googleEventIdFor(draft.bookingId);
      try {
        const created = await providerJson(
          calendarUrl(calendarId, `/events?conferenceDataVersion=1&sendUpdates=all`),
          { method: 'POST', accessToken, body: { id, ...eventBody(draft, draft.addVideoLink) } },
          'Google events.insert',
        );
        const event = writtenSchema.parse(created);
        return { eventId: event.id, joinUrl: joinUrlOf(event) };
      } catch (error) {
        // 409: a retry after the first insert succeeded; the event is ours, read it back.
        if (!isProviderStatus(error, 409)) throw error;
        const existing = writtenSchema.parse(await providerJson(calendarUrl(calendarId, `/events/${id}`), { accessToken }, 'Google events.get'));
        return { eventId: existing.id, joinUrl: joinUrlOf(existing) };
      }
    },
    async updateEvent(accessToken, calendarId, eventId, draft) {
      const updated = await providerJson(
        calendarUrl(calendarId, `/events/${encodeURIComponent(eventId)}?conferenceDataVersion=1&sendUpdates=all`),
        { method: 'PATCH', accessToken, body: eventBody(draft, false) },
        'Google events.patch',
      );
      const event = writtenSchema.parse(updated);
      return { eventId: event.id, joinUrl: joinUrlOf(event) };
    },
    async deleteEvent(accessToken, calendarId, eventId) {
      try {
        await providerJson(calendarUrl(calendarId, `/events/${encodeURIComponent(eventId)}?sendUpdates=all`), { method: 'DELETE', accessToken }, 'Google events.delete');
      } catch (error) {
        if (!isProviderStatus(error, 404, 410)) throw error;
      }
    },
  };
}
