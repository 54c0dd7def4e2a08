import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { bookings } from './bookings';
import { teamInvitations } from './teams';
import { accountTokens } from './users';
import { createdAt, instant, updatedAt } from './columns';

export const emailStatuses = ['pending', 'sent', 'captured', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/** A file sent with a message (the .ics); content is the file's text. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Every email, captured or sent. The unique key makes "once per booking, recipient and type" hold:
 * a send claims its row first, so a retried step finds the row and does not mail twice.
 */
export const emailNotifications = pgTable(
  'email_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    // Account mail (verify, change, reset): one message per token.
    accountTokenId: uuid('account_token_id').references(() => accountTokens.id, { onDelete: 'set null' }),
    // A team invitation (migration 0028): one message per invitation row; a resend is a new row.
    teamInvitationId: uuid('team_invitation_id').references(() => teamInvitations.id, { onDelete: 'set null' }),
    recipientEmail: varchar('recipient_email', { length: 255 }).notNull(),
    notificationType: varchar('notification_type', { length: 40 }).notNull(),
    subject: varchar('subject', { length: 500 }).notNull(),
    // The HTML part; text_body is the plain-text part every message carries.
    body: text('body'),
    textBody: text('text_body'),
    attachments: jsonb('attachments').$type<EmailAttachment[]>(),
    // Stored with the body: every attempt must send exactly the same message under its idempotency key.
    fromAddress: varchar('from_address', { length: 320 }),
    replyTo: varchar('reply_to', { length: 255 }),
    status: varchar('status', { length: 20 }).$type<EmailStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    providerMessageId: varchar('provider_message_id', { length: 255 }),
    error: text('error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    check('email_notifications_status', sql`${t.status} in ('pending', 'sent', 'captured', 'failed')`),
    unique('email_notifications_once').on(t.bookingId, t.recipientEmail, t.notificationType),
    unique('email_notifications_account_token_once').on(t.accountTokenId),
    unique('email_notifications_team_invitation_once').on(t.teamInvitationId),
    index('idx_email_notifications_created').on(t.createdAt),
  ],
);
