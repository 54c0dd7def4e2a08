import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { connectedCalendars } from '@/db/schema';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { requestSync } from '../request-sync';
import { ensureWatches } from './watch-lifecycle';
import { isWatchSecret } from './watch-secret';
import { log } from '@/lib/log';

// Push notifications only ask for a sync (the sync reads what changed); a notification whose
// channel secret does not match, or that repeats a message number already seen, changes nothing.

export type NotificationOutcome = 'sync_requested' | 'ignored';

async function calendarByWatch(deps: HostWriteDeps, watchId: string) {
  const [calendar] = await deps.database.select().from(connectedCalendars).where(eq(connectedCalendars.watchId, watchId));
  return calendar ?? null;
}

export interface GoogleNotification {
  channelId: string | null;
  token: string | null;
  resourceState: string | null;
  messageNumber: string | null;
}

export async function handleGoogleNotification(deps: HostWriteDeps, notification: GoogleNotification): Promise<NotificationOutcome> {
  if (!notification.channelId || notification.channelId.length > 255) return 'ignored';
  const calendar = await calendarByWatch(deps, notification.channelId);
  if (!calendar || !isWatchSecret(calendar.id, notification.token)) return 'ignored';
  const number = Number(notification.messageNumber);
  if (!Number.isSafeInteger(number) || number < 0) return 'ignored';
  // Only a message number above the highest seen counts; retries and replays fall through.
  const [fresh] = await deps.database
    .update(connectedCalendars)
    .set({ watchMessageNumber: number })
    .where(and(eq(connectedCalendars.id, calendar.id), or(isNull(connectedCalendars.watchMessageNumber), lt(connectedCalendars.watchMessageNumber, number))))
    .returning({ id: connectedCalendars.id });
  // "sync" is the channel's opening handshake: nothing changed yet.
  if (!fresh || notification.resourceState === 'sync') return 'ignored';
  await requestSync(calendar.connectionId);
  return 'sync_requested';
}

const graphNotificationSchema = z.object({
  subscriptionId: z.string().max(255),
  clientState: z.string().nullish(),
  lifecycleEvent: z.string().optional(),
});
export const graphNotificationsSchema = z.object({ value: z.array(z.unknown()).max(1000) });

/** Graph batches notifications (changes or lifecycle events) for many subscriptions in one POST. */
export async function handleGraphNotifications(deps: HostWriteDeps, body: z.infer<typeof graphNotificationsSchema>): Promise<NotificationOutcome[]> {
  const outcomes: NotificationOutcome[] = [];
  for (const item of body.value) {
    const parsed = graphNotificationSchema.safeParse(item);
    const calendar = parsed.success ? await calendarByWatch(deps, parsed.data.subscriptionId) : null;
    if (!parsed.success || !calendar || !isWatchSecret(calendar.id, parsed.data.clientState)) {
      outcomes.push('ignored');
      continue;
    }
    const event = parsed.data.lifecycleEvent;
    if (event === 'subscriptionRemoved') {
      // Graph dropped the subscription: forget it so the renewal makes a new one.
      await deps.database.update(connectedCalendars).set({ watchId: null, watchExpiresAt: null }).where(eq(connectedCalendars.id, calendar.id));
    }
    if (event === 'reauthorizationRequired') {
      await deps.database.update(connectedCalendars).set({ watchExpiresAt: sql`now()` }).where(eq(connectedCalendars.id, calendar.id));
    }
    if (event === 'reauthorizationRequired' || event === 'subscriptionRemoved') {
      await ensureWatches(deps, calendar.connectionId).catch((error: unknown) => log().warn({ error: String(error) }, 'Graph subscription renewal failed'));
    }
    // Changes, "missed" (notifications were dropped) and a new subscription all mean: read again.
    await requestSync(calendar.connectionId);
    outcomes.push('sync_requested');
  }
  return outcomes;
}
