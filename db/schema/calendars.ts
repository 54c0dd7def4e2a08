import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns';
import { users } from './users';

export const calendarProviders = ['google', 'microsoft', 'ics'] as const;
export const connectionStatuses = ['active', 'reauth_required', 'error'] as const;

export const calendarConnections = pgTable(
  'calendar_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: varchar('provider', { length: 20 }).$type<(typeof calendarProviders)[number]>().notNull(),
    accountEmail: varchar('account_email', { length: 255 }),
    // Meant to hold ciphertexts only; nothing writes them yet (calendar connections are not built).
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    expiresAt: instant('expires_at'),
    scopes: text('scopes'),
    icsUrl: text('ics_url'),
    status: varchar('status', { length: 20 })
      .$type<(typeof connectionStatuses)[number]>()
      .notNull()
      .default('active'),
    lastSyncedAt: instant('last_synced_at'),
    lastError: text('last_error'),
    watchChannelId: varchar('watch_channel_id', { length: 255 }),
    watchResourceId: varchar('watch_resource_id', { length: 255 }),
    watchSecret: varchar('watch_secret', { length: 255 }),
    watchExpiresAt: instant('watch_expires_at'),
    syncToken: text('sync_token'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('calendar_connections_provider', sql`${t.provider} in ('google', 'microsoft', 'ics')`),
    check('calendar_connections_status', sql`${t.status} in ('active', 'reauth_required', 'error')`),
    unique('calendar_connections_user_provider_account').on(t.userId, t.provider, t.accountEmail),
    index('idx_calendar_connections_watch_channel').on(t.watchChannelId),
  ],
);

/** Busy time copied from a connected calendar; user_id is denormalised so slot reads need one index. */
export const externalBusy = pgTable(
  'external_busy',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => calendarConnections.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startTime: instant('start_time').notNull(),
    endTime: instant('end_time').notNull(),
    sourceEventId: varchar('source_event_id', { length: 1024 }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('external_busy_end_after_start', sql`${t.endTime} > ${t.startTime}`),
    unique('external_busy_connection_event').on(t.connectionId, t.sourceEventId),
    index('idx_external_busy_user_time').on(t.userId, t.startTime, t.endTime),
  ],
);
