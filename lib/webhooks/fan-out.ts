import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type WebhookEventType, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { DispatchedEvent, EventName } from '@/lib/jobs/events';
import { bookingWebhookData, meetingTypeWebhookData } from './payload';
import { newMessageId } from './signing';

// An outbox event becomes one delivery row per enabled endpoint of its host that asked for it. The
// payload is fixed here, so every attempt sends the same bytes; the unique (endpoint, outbox event)
// key makes a second run of the same event record nothing new (the outbox is at least once).

export const webhookTypeOfEvent = {
  'booking/confirmed': 'booking.created',
  'booking/cancelled': 'booking.cancelled',
  'booking/rescheduled': 'booking.rescheduled',
  'booking/no-show-marked': 'booking.no_show',
  'meeting-type/created': 'meeting_type.created',
  'meeting-type/updated': 'meeting_type.updated',
  'meeting-type/deleted': 'meeting_type.deleted',
} as const satisfies Partial<Record<EventName, WebhookEventType>>;

export type WebhookSourceEvent = keyof typeof webhookTypeOfEvent;
export const webhookSourceEvents = Object.keys(webhookTypeOfEvent) as WebhookSourceEvent[];

async function dataOf(database: Database, event: DispatchedEvent<WebhookSourceEvent>): Promise<Record<string, unknown> | null> {
  const { data } = event;
  if ('bookingId' in data) {
    const booking = await bookingWebhookData(database, data.hostUserId, data.bookingId);
    if (!booking) return null;
    if ('previousBookingId' in data) return { booking, previousBookingId: data.previousBookingId, rescheduledBy: data.rescheduledBy ?? null };
    if ('noShow' in data) return { booking, noShow: data.noShow };
    return { booking };
  }
  const meetingType = await meetingTypeWebhookData(database, data.hostUserId, data.meetingTypeId);
  return meetingType && { meetingType };
}

/** Records the event's deliveries; returns the endpoints that have one (new or from an earlier run). */
export async function fanOutEvent(database: Database, event: DispatchedEvent<WebhookSourceEvent>): Promise<string[]> {
  const type = webhookTypeOfEvent[event.name];
  const endpoints = await database
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.userId, event.data.hostUserId), eq(webhookEndpoints.enabled, true), sql`${webhookEndpoints.events} @> array[${type}]::text[]`));
  if (endpoints.length === 0) return [];
  const data = await dataOf(database, event);
  if (!data) return [];
  const payload = { type, timestamp: new Date(event.ts).toISOString(), data };
  const now = new Date();
  await database
    .insert(webhookDeliveries)
    .values(endpoints.map((endpoint) => ({ id: newMessageId(), endpointId: endpoint.id, eventType: type, sourceEventId: event.id, payload, nextAttemptAt: now })))
    .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.sourceEventId] });
  return endpoints.map((endpoint) => endpoint.id);
}
