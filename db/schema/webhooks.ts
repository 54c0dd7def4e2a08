import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns';
import { users } from './users';

export const webhookEventTypes = [
  'booking.created',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.no_show',
  'meeting_type.created',
  'meeting_type.updated',
  'meeting_type.deleted',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Why an endpoint is off: the host turned it off, it answered 410 Gone, or it failed for 3 days. */
export const webhookDisabledReasons = ['host', 'gone', 'failing'] as const;
export type WebhookDisabledReason = (typeof webhookDisabledReasons)[number];

/** pending (first try or a retry scheduled), succeeded (2xx), failed (its endpoint was turned off), dead (out of retries). */
export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** A host's receiver: where, which events, and the signing secret (sealed like calendar tokens). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    url: varchar('url', { length: 2000 }).notNull(),
    events: text('events').array().$type<WebhookEventType[]>().notNull(),
    secretEncrypted: text('secret_encrypted').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: varchar('disabled_reason', { length: 20 }).$type<WebhookDisabledReason>(),
    /** The first failure since the last success; 3 days of it turns the endpoint off. */
    failingSince: instant('failing_since'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('idx_webhook_endpoints_user').on(t.userId),
    check('webhook_endpoints_events_valid', sql`cardinality(${t.events}) >= 1 and ${t.events} <@ array['booking.created', 'booking.cancelled', 'booking.rescheduled', 'booking.no_show', 'meeting_type.created', 'meeting_type.updated', 'meeting_type.deleted']::text[]`),
    check('webhook_endpoints_url_scheme', sql`${t.url} ~ '^https?://'`),
    check('webhook_endpoints_disabled_reason_valid', sql`(${t.enabled} and ${t.disabledReason} is null) or (not ${t.enabled} and ${t.disabledReason} in ('host', 'gone', 'failing'))`),
  ],
);

/**
 * One message to one endpoint. The id is the `webhook-id` (`msg_…`), the same on every attempt; the
 * payload is fixed when the event fans out, so a retry sends the same bytes. One row per endpoint and
 * outbox event: a fan-out that runs twice records nothing new.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: varchar('id', { length: 40 }).primaryKey(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventType: varchar('event_type', { length: 40 }).notNull(),
    /** The outbox row it came from; null for test events. */
    sourceEventId: uuid('source_event_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: varchar('status', { length: 20 }).$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Pending rows only: when the next attempt may start (also the lease of an attempt in flight). */
    nextAttemptAt: instant('next_attempt_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('webhook_deliveries_endpoint_source_unique').on(t.endpointId, t.sourceEventId),
    index('idx_webhook_deliveries_due').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('idx_webhook_deliveries_endpoint_created').on(t.endpointId, t.createdAt),
    check('webhook_deliveries_id_format', sql`${t.id} ~ '^msg_[A-Za-z0-9_-]{16,36}$'`),
    check('webhook_deliveries_status_valid', sql`${t.status} in ('pending', 'succeeded', 'failed', 'dead')`),
    check('webhook_deliveries_pending_has_next_attempt', sql`(${t.status} = 'pending') = (${t.nextAttemptAt} is not null)`),
    check('webhook_deliveries_attempts_bounded', sql`${t.attempts} between 0 and 1000`),
  ],
);

/** Each try at a delivery, for the host's delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: varchar('delivery_id', { length: 40 })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptNumber: integer('attempt_number').notNull(),
    attemptedAt: instant('attempted_at').notNull(),
    statusCode: integer('status_code'),
    /** Why no status came back (timeout, refused address, redirect, reset). */
    error: varchar('error', { length: 500 }),
    durationMs: integer('duration_ms').notNull(),
    /** The first 1 KB of the response body. */
    responseExcerpt: varchar('response_excerpt', { length: 1024 }),
  },
  (t) => [
    unique('webhook_attempts_delivery_attempt_unique').on(t.deliveryId, t.attemptNumber),
    index('idx_webhook_attempts_delivery').on(t.deliveryId),
    check('webhook_attempts_has_outcome', sql`${t.statusCode} is not null or ${t.error} is not null`),
  ],
);
