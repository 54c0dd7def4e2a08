import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { emailNotifications } from '@/db/schema';
import { env } from '@/lib/env';

// The dev inbox: every recorded email, newest first. Never served in production (the pages 404),
// where the table holds real people's mail.

const INBOX_PAGE_SIZE = 100;

export function devInboxEnabled(): boolean {
  return env().NODE_ENV !== 'production';
}

export function listInbox(database: Database) {
  return database
    .select({
      id: emailNotifications.id,
      to: emailNotifications.recipientEmail,
      subject: emailNotifications.subject,
      kind: emailNotifications.notificationType,
      status: emailNotifications.status,
      createdAt: emailNotifications.createdAt,
    })
    .from(emailNotifications)
    .orderBy(desc(emailNotifications.createdAt))
    .limit(INBOX_PAGE_SIZE);
}

export async function findInboxMessage(database: Database, id: string) {
  const [row] = await database.select().from(emailNotifications).where(eq(emailNotifications.id, id));
  return row ?? null;
}
