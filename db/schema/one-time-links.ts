import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { bookings } from './bookings';
import { createdAt, instant } from './columns';
import { meetingTypes } from './meeting-types';

/**
 * Single-use booking links (/d/{token}) for one meeting type (migration 0021). Only the token's SHA-256
 * is stored; booking sets `used_at` with a conditional update inside its own transaction.
 */
export const oneTimeLinks = pgTable(
  'one_time_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingTypeId: uuid('meeting_type_id').notNull(),
    hostUserId: uuid('host_user_id').notNull(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    // Null: the link never expires (it still books only once).
    expiresAt: instant('expires_at'),
    usedAt: instant('used_at'),
    usedByBookingId: uuid('used_by_booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('one_time_links_token_hash_unique').on(t.tokenHash),
    check('one_time_links_used_once', sql`${t.usedByBookingId} is null or ${t.usedAt} is not null`),
    check('one_time_links_used_or_revoked', sql`${t.usedAt} is null or ${t.revokedAt} is null`),
    check('one_time_links_expiry_after_creation', sql`${t.expiresAt} is null or ${t.expiresAt} > ${t.createdAt}`),
    foreignKey({
      name: 'one_time_links_meeting_type_host_fk',
      columns: [t.meetingTypeId, t.hostUserId],
      foreignColumns: [meetingTypes.id, meetingTypes.userId],
    }).onDelete('cascade'),
    index('idx_one_time_links_meeting_type_created').on(t.meetingTypeId, t.createdAt),
  ],
);
