import 'server-only';
import { createHash } from 'node:crypto';
import { createElement } from 'react';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type EmailStatus, emailNotifications } from '@/db/schema';
import { BookingEmail, bookingEmailText } from '@/emails/components/booking-email';
import { env } from '@/lib/env';
import type { ComposedEmail } from './compose-email';
import { renderEmailHtml } from './email-html';
import type { StoredNoticeKind as NoticeKind } from './notice-kinds';
import { type OutgoingEmail, PermanentMailError } from './mail-port';
import { mailTransport } from './transport';
import { log } from '@/lib/log';

// Once per booking, kind and recipient. The rendered message is stored before the first attempt
// (the unique key claims it); every attempt sends that stored copy with the same idempotency key,
// so a retry after a timeout can neither mail twice nor send a different body under the same key.

export type Outcome = Exclude<EmailStatus, 'pending'>;

function idempotencyKey(bookingId: string, kind: NoticeKind, to: string): string {
  const recipient = createHash('sha256').update(to.toLowerCase()).digest('hex').slice(0, 32);
  return `rendezvous/${bookingId}/${kind}/${recipient}`;
}

async function findRecord(database: Database, bookingId: string, kind: NoticeKind, to: string) {
  const [row] = await database
    .select()
    .from(emailNotifications)
    .where(and(eq(emailNotifications.bookingId, bookingId), eq(emailNotifications.notificationType, kind), eq(emailNotifications.recipientEmail, to)));
  return row;
}

/**
 * The stored record, made from `email` when this booking, kind and recipient have none: one
 * statement when it is new (the usual case); a retry renders again, but sends the stored copy.
 */
async function claimRecord(database: Database, bookingId: string, kind: NoticeKind, email: ComposedEmail) {
  const html = await renderEmailHtml(createElement(BookingEmail, email.layout));
  const text = bookingEmailText(email.layout);
  const [inserted] = await database
    .insert(emailNotifications)
    .values({
      bookingId,
      notificationType: kind,
      recipientEmail: email.to,
      fromAddress: env().EMAIL_FROM,
      replyTo: email.replyTo,
      subject: email.subject,
      body: html,
      textBody: text,
      attachments: email.attachments,
    })
    .onConflictDoNothing()
    .returning();
  return inserted ?? findRecord(database, bookingId, kind, email.to);
}

/**
 * Sends (or captures) `email` unless this booking, kind and recipient already had theirs. A transient
 * failure throws so the job retries; a permanent one is recorded as failed and not retried.
 */
export async function deliverEmail(database: Database, bookingId: string, kind: NoticeKind, email: ComposedEmail): Promise<Outcome> {
  const record = await claimRecord(database, bookingId, kind, email);
  if (!record) throw new Error(`email record for ${kind} of ${bookingId} vanished`);
  if (record.status !== 'pending') return record.status;

  return sendRecordedEmail(
    database,
    record.id,
    {
      from: record.fromAddress ?? env().EMAIL_FROM,
      to: record.recipientEmail,
      replyTo: record.replyTo ?? email.replyTo,
      subject: record.subject,
      html: record.body ?? '',
      text: record.textBody ?? '',
      attachments: record.attachments ?? [],
    },
    idempotencyKey(bookingId, kind, record.recipientEmail),
    `${kind} for booking ${bookingId}`,
  );
}

/**
 * One attempt at a message whose email_notifications row is claimed: records the outcome on that row.
 * A transient failure throws (the job retries under the same key); a permanent one is recorded as failed.
 */
export async function sendRecordedEmail(database: Database, recordId: string, message: OutgoingEmail, key: string, what: string): Promise<Outcome> {
  const transport = mailTransport();
  const attempt = sql`${emailNotifications.attempts} + 1`;
  const where = eq(emailNotifications.id, recordId);
  try {
    const { providerMessageId } = await transport.send(message, key);
    const status: Outcome = transport.kind === 'capture' ? 'captured' : 'sent';
    await database.update(emailNotifications).set({ status, providerMessageId, attempts: attempt, error: null, sentAt: new Date() }).where(where);
    return status;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
    if (error instanceof PermanentMailError) {
      await database.update(emailNotifications).set({ status: 'failed', attempts: attempt, error: message }).where(where);
      log().error({ component: 'notifications', what, error: message }, 'email refused for good');
      return 'failed';
    }
    await database.update(emailNotifications).set({ attempts: attempt, error: message }).where(where);
    throw error;
  }
}
