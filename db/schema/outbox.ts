import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns';

/** Events written in the same transaction as the change they describe; lib/jobs/dispatch hands them on. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventName: varchar('event_name', { length: 100 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    dispatchedAt: instant('dispatched_at'),
    attempts: integer('attempts').notNull().default(0),
    // A claim's lease, and after a failure the time before which no one retries (the backoff).
    claimedUntil: instant('claimed_until'),
    lastError: text('last_error'),
  },
  (t) => [index('idx_outbox_pending').on(t.createdAt).where(sql`${t.dispatchedAt} is null`)],
);
