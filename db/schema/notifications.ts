import { index, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { bookings } from './bookings';
import { createdAt, instant } from './columns';

/** Audit log of every email; the unique key makes "send once per booking, recipient and type" hold. */
export const emailNotifications = pgTable(
  'email_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    recipientEmail: varchar('recipient_email', { length: 255 }).notNull(),
    notificationType: varchar('notification_type', { length: 40 }).notNull(),
    subject: varchar('subject', { length: 500 }).notNull(),
    body: text('body'),
    status: varchar('status', { length: 20 }).notNull().default('pending'),
    providerMessageId: varchar('provider_message_id', { length: 255 }),
    error: text('error'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    unique('email_notifications_once').on(t.bookingId, t.recipientEmail, t.notificationType),
    index('idx_email_notifications_created').on(t.createdAt),
  ],
);
