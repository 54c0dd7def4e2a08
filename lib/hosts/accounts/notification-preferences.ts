import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import { checkbox } from '@/lib/api-fields';
import { notFound } from '@/lib/errors';
import type { HostContext } from '../host-write';

// Which emails the host wants beyond the ones every booking sends (confirmations, cancellations and
// reschedules always go out). Read by lib/notifications when a reminder is due.

export const notificationPreferencesSchema = z.object({ hostReminderEmails: checkbox });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export async function updateNotificationPreferences(ctx: HostContext, input: NotificationPreferences): Promise<NotificationPreferences> {
  const updated = await ctx.database.update(users).set({ hostReminderEmails: input.hostReminderEmails }).where(eq(users.id, ctx.actor.userId)).returning({ id: users.id });
  if (updated.length === 0) throw notFound('Host');
  return input;
}
