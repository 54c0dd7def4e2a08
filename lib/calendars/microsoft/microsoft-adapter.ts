import 'server-only';
import { z } from 'zod';
import { ChangeCollector, MAX_SYNC_PAGES, readBusyChanges, syncWindow } from '../busy-changes';
import type { EventDraft, ProviderAdapter } from '../provider-adapter';
import { isProviderStatus, providerJson } from '../provider-request';
import { graphEventSchema, graphEventVerdict } from './event-verdict';

// Microsoft Graph v1.0. Busy sync reads calendarView/delta (occurrences of recurring series
// expanded) and keeps the @odata.deltaLink; a 410 on the link means a full resync.

const PREFER = 'outlook.timezone="UTC", odata.maxpagesize=100';
const pageSchema = z.object({
  value: z.array(z.unknown()).default([]),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
const calendarSchema = z.object({ id: z.string(), name: z.string().optional(), isDefaultCalendar: z.boolean().optional(), canEdit: z.boolean().optional() });
const subscriptionSchema = z.object({ id: z.string(), expirationDateTime: z.string() });
const writtenSchema = z.object({ id: z.string(), onlineMeeting: z.object({ joinUrl: z.string().optional() }).nullish() });

function eventBody(draft: EventDraft) {
  return {
    subject: draft.summary,
    body: { contentType: 'text', content: draft.description },
    start: { dateTime: draft.start.toISOString().slice(0, -1), timeZone: 'UTC' },
    end: { dateTime: draft.end.toISOString().slice(0, -1), timeZone: 'UTC' },
    ...(draft.location ? { location: { displayName: draft.location } } : {}),
    attendees: draft.attendees.map((attendee) => ({ emailAddress: { address: attendee.email, name: attendee.name }, type: 'required' })),
    ...(draft.hideAttendees ? { hideAttendees: true } : {}),
  };
}

export function microsoftAdapter(apiBase: string): ProviderAdapter {
  const apiOrigin = new URL(apiBase).origin;
  const calendarUrl = (calendarId: string, rest = '') => `${apiBase}/me/calendars/${encodeURIComponent(calendarId)}${rest}`;
  /** Links Graph hands back are followed only on Graph's own origin: the token goes nowhere else. */
  const sameOrigin = (link: string) => {
    if (new URL(link).origin !== apiOrigin) throw new Error('Graph returned a link to another origin');
    return link;
  };

  async function readChanges(accessToken: string, calendarId: string, cursor: string | null, now: number) {
    const collector = new ChangeCollector();
    const window = syncWindow(now);
    let url = cursor
      ? sameOrigin(cursor)
      : `${calendarUrl(calendarId, '/calendarView/delta')}?${new URLSearchParams({ startDateTime: window.start.toISOString(), endDateTime: window.end.toISOString() })}`;
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const body = pageSchema.parse(await providerJson(url, { accessToken, headers: { prefer: PREFER } }, 'Graph calendarView/delta'));
      for (const item of body.value) {
        const event = graphEventSchema.safeParse(item);
        if (event.success) collector.add(graphEventVerdict(event.data));
      }
      const next = body['@odata.nextLink'];
      if (!next) return { collector, cursor: body['@odata.deltaLink'] ? sameOrigin(body['@odata.deltaLink']) : null };
      url = sameOrigin(next);
    }
    throw new Error('Graph calendarView/delta: too many pages');
  }

  return {
    async startWatch(accessToken, calendarId, request) {
      const subscription = subscriptionSchema.parse(
        await providerJson(
          `${apiBase}/subscriptions`,
          {
            method: 'POST',
            accessToken,
            body: {
              changeType: 'created,updated,deleted',
              notificationUrl: request.address,
              lifecycleNotificationUrl: request.lifecycleAddress,
              resource: `/me/calendars/${calendarId}/events`,
              expirationDateTime: request.expiresAt.toISOString(),
              clientState: request.secret,
            },
          },
          'Graph create subscription',
        ),
      );
      return { id: subscription.id, resourceId: null, expiresAt: new Date(subscription.expirationDateTime) };
    },
    async renewWatch(accessToken, watch, expiresAt) {
      const renewed = subscriptionSchema.parse(
        await providerJson(`${apiBase}/subscriptions/${encodeURIComponent(watch.id)}`, { method: 'PATCH', accessToken, body: { expirationDateTime: expiresAt.toISOString() } }, 'Graph renew subscription'),
      );
      return { ...watch, expiresAt: new Date(renewed.expirationDateTime) };
    },
    async stopWatch(accessToken, watch) {
      try {
        await providerJson(`${apiBase}/subscriptions/${encodeURIComponent(watch.id)}`, { method: 'DELETE', accessToken }, 'Graph delete subscription');
      } catch (error) {
        if (!isProviderStatus(error, 404)) throw error;
      }
    },
    async accountEmail(accessToken) {
      const me = z.object({ mail: z.string().nullish(), userPrincipalName: z.string() }).parse(await providerJson(`${apiBase}/me`, { accessToken }, 'Graph /me'));
      return me.mail ?? me.userPrincipalName;
    },
    async listCalendars(accessToken) {
      const calendars = [];
      let url = `${apiBase}/me/calendars?$top=100`;
      for (let page = 0; page < 20; page++) {
        const body = pageSchema.parse(await providerJson(url, { accessToken }, 'Graph /me/calendars'));
        for (const item of body.value) {
          const calendar = calendarSchema.parse(item);
          calendars.push({ externalId: calendar.id, name: (calendar.name ?? 'Calendar').slice(0, 255), isPrimary: calendar.isDefaultCalendar === true, canWrite: calendar.canEdit !== false });
        }
        if (!body['@odata.nextLink']) break;
        url = sameOrigin(body['@odata.nextLink']);
      }
      return calendars;
    },
    fetchBusyChanges(accessToken, target, now) {
      return readBusyChanges(target.cursor, (cursor) => readChanges(accessToken, target.externalId, cursor, now));
    },
    async queryFreeBusy(accessToken, calendarIds, range, timeoutMs) {
      const query = new URLSearchParams({ startDateTime: range.start.toISOString(), endDateTime: range.end.toISOString(), $top: '100' });
      const pages = await Promise.all(
        calendarIds.map((id) => providerJson(`${calendarUrl(id, '/calendarView')}?${query}`, { accessToken, timeoutMs, headers: { prefer: PREFER } }, 'Graph calendarView')),
      );
      return pages.flatMap((page) =>
        pageSchema.parse(page).value.flatMap((item) => {
          const event = graphEventSchema.safeParse(item);
          if (!event.success) return [];
          const verdict = graphEventVerdict(event.data);
          return verdict.kind === 'busy' ? [{ start: verdict.event.start, end: verdict.event.end }] : [];
        }),
      );
    },
    async createEvent(accessToken, calendarId, draft) {
      // transactionId makes a retried POST return the event the first one created.
      const created = await providerJson(
        calendarUrl(calendarId, '/events'),
        {
          method: 'POST',
          accessToken,
          body: { ...eventBody(draft), transactionId: draft.bookingId, ...(draft.addVideoLink ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}) },
        },
        'Graph create event',
      );
      const event = writtenSchema.parse(created);
      return { eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? null };
    },
    async updateEvent(accessToken, _calendarId, eventId, draft) {
      const updated = await providerJson(`${apiBase}/me/events/${encodeURIComponent(eventId)}`, { method: 'PATCH', accessToken, body: eventBody(draft) }, 'Graph update event');
      const event = writtenSchema.parse(updated);
      return { eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? null };
    },
    async deleteEvent(accessToken, _calendarId, eventId) {
      try {
        await providerJson(`${apiBase}/me/events/${encodeURIComponent(eventId)}`, { method: 'DELETE', accessToken }, 'Graph delete event');
      } catch (error) {
        if (!isProviderStatus(error, 404, 410)) throw error;
      }
    },
  };
}
