import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type AccountTokenPurpose, accountTokens, emailNotifications, outbox } from '@/db/schema';
import { sendAccountEmail } from '@/lib/notifications/send-account-email';

// Reads an account link the way its recipient would: the outbox event the request wrote is handed to
// the mail job, and the link is taken from the captured message's text.

export async function mailedLink(database: Database, userId: string, purpose: AccountTokenPurpose): Promise<{ url: URL; token: string; to: string } | null> {
  const [row] = await database
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)))
    .orderBy(desc(accountTokens.createdAt))
    .limit(1);
  if (!row) return null;
  const [event] = await database
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.eventName, 'account/email-requested'), sql`${outbox.payload}->>'tokenId' = ${row.id}`));
  if (!event) throw new Error(`no account/email-requested event in the outbox for token ${row.id}`);
  await sendAccountEmail(database, (event.payload as { tokenId: string }).tokenId);
  const [mail] = await database.select().from(emailNotifications).where(eq(emailNotifications.accountTokenId, row.id));
  const href = mail?.textBody?.match(/https?:\/\/\S+token=[A-Za-z0-9_-]+/)?.[0];
  if (!mail || !href) return null;
  const url = new URL(href);
  return { url, token: url.searchParams.get('token')!, to: mail.recipientEmail };
}
