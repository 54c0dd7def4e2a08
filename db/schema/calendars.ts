import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant, updatedAt } from './columns';
import { users } from './users';

export const calendarProviders = ['google', 'microsoft', 'ics'] as const;
export type CalendarProvider = (typeof calendarProviders)[number];
export const connectionStatuses = ['active', 'reauth_required', 'error'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

export const calendarConnections = pgTable(
  'calendar_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: varchar('provider', { length: 20 }).$type<CalendarProvider>().notNull(),
    accountEmail: varchar('account_email', { length: 255 }),
    // Ciphertexts from lib/calendars/token-vault.ts (AES-256-GCM, bound to table, column and row id).
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    expiresAt: instant('expires_at'),
    scopes: text('scopes'),
    icsUrl: text('ics_url'),
    status: varchar('status', { length: 20 }).$type<ConnectionStatus>().notNull().default('active'),
    lastSyncedAt: instant('last_synced_at'),
    lastError: text('last_error'),
    /** When the poll next takes it: 10 minutes after a success, backed off after failures. */
    nextSyncAt: instant('next_sync_at').notNull().defaultNow(),
    /** Failures in a row, and when the first of them happened (null after a success). */
    failureCount: integer('failure_count').notNull().default(0),
    failingSince: instant('failing_since'),
    lastAttemptAt: instant('last_attempt_at'),
    /** What the last successful sync left out (ICS events skipped as broken or over budget). */
    lastSyncWarning: text('last_sync_warning'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('calendar_connections_provider', sql`${t.provider} in ('google', 'microsoft', 'ics')`),
    check('calendar_connections_status', sql`${t.status} in ('active', 'reauth_required', 'error')`),
    check('calendar_connections_failure_count', sql`${t.failureCount} >= 0`),
    unique('calendar_connections_user_provider_account').on(t.userId, t.provider, t.accountEmail),
    // The cron's "not synced for 10 minutes" scan.
    index('idx_calendar_connections_last_synced').on(t.lastSyncedAt),
    // The poll's "due now" scan, over the connections it still polls.
    index('idx_calendar_connections_due').on(t.nextSyncAt).where(sql`${t.status} = 'active'`),
  ],
);

/**
 * The calendars inside one connection (an ICS feed has exactly one): which ones block time, which one
 * receives new events, and each one's incremental-sync cursor and push channel.
 */
export const connectedCalendars = pgTable(
  'connected_calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => calendarConnections.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The provider's calendar id (Google calendar id, Graph calendar id; "feed" for ICS). */
    externalId: varchar('external_id', { length: 1024 }).notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    blocksTime: boolean('blocks_time').notNull().default(true),
    receivesEvents: boolean('receives_events').notNull().default(false),
    /** Google's nextSyncToken or Graph's @odata.deltaLink; null = the next sync is a full one. */
    syncCursor: text('sync_cursor'),
    lastSyncedAt: instant('last_synced_at'),
    /** Google channel id or Graph subscription id; the verification secret is derived, not stored. */
    watchId: varchar('watch_id', { length: 255 }),
    watchResourceId: varchar('watch_resource_id', { length: 255 }),
    watchExpiresAt: instant('watch_expires_at'),
    /** Highest X-Goog-Message-Number seen on the current channel: duplicates are ignored. */
    watchMessageNumber: bigint('watch_message_number', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('connected_calendars_connection_external').on(t.connectionId, t.externalId),
    // One calendar per host receives new events.
    uniqueIndex('idx_connected_calendars_one_receiver').on(t.userId).where(sql`${t.receivesEvents}`),
    // The booking transaction's live re-check and the dashboard read a host's calendars.
    index('idx_connected_calendars_user').on(t.userId),
    index('idx_connected_calendars_watch').on(t.watchId),
    index('idx_connected_calendars_watch_expiry').on(t.watchExpiresAt),
  ],
);

/** A connect attempt between the consent page and the callback: single-use, short-lived. */
export const calendarOauthStates = pgTable('calendar_oauth_states', {
  /** SHA-256 of the state's random part; the state itself travels only through the browser. */
  stateHash: varchar('state_hash', { length: 64 }).primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  provider: varchar('provider', { length: 20 }).$type<Exclude<CalendarProvider, 'ics'>>().notNull(),
  codeVerifier: varchar('code_verifier', { length: 128 }).notNull(),
  expiresAt: instant('expires_at').notNull(),
  createdAt: createdAt(),
});

/** Busy time copied from a connected calendar; user_id is denormalised so slot reads need one index. */
export const externalBusy = pgTable(
  'external_busy',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => calendarConnections.id, { onDelete: 'cascade' }),
    calendarId: uuid('calendar_id').references(() => connectedCalendars.id, { onDelete: 'cascade' }),
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
    // An event id is unique within its calendar (the same meeting may sit on two calendars of one account).
    uniqueIndex('external_busy_calendar_event').on(t.calendarId, t.sourceEventId),
    index('idx_external_busy_connection').on(t.connectionId),
    index('idx_external_busy_user_time').on(t.userId, t.startTime, t.endTime),
  ],
);
