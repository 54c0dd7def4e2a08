import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { connectedCalendars } from '@/db/schema';
import { hitLimit, rateLimited, type Verdict } from '@/lib/cache/rate-limit';
import { AppError } from '@/lib/errors';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { requestSync } from '../request-sync';
import { ensureWatches } from './watch-lifecycle';
import { readWatchSecret } from './watch-secret';
import { log } from '@/lib/log';

// Push notifications only ask for a sync (the sync reads what changed). They are cheap by design:
// the channel secret names its connection and calendar and is checked before any query (a forged or
// unknown one costs none), each connection has a rate limit, a Graph batch is bounded, looked up in
// one query and deduplicated per connection, and a repeated message number changes nothing.

export type NotificationOutcome = 'sync_requested' | 'ignored';

/** Graph batches several notifications in one POST; past this many the whole POST is refused (413). */
export const MAX_GRAPH_NOTIFICATIONS_PER_POST = 100;

const overRate = (verdict: Verdict, now: number) => rateLimited(verdict, now, 'Too many notifications for this calendar connection');

export interface GoogleNotification {
  channelId: string | null;
  token: string | null;
  resourceState: string | null;
  messageNumber: string | null;
}

/** One query for an accepted notification: the message-number update names the connection. */
export async function handleGoogleNotification(deps: HostWriteDeps, notification: GoogleNotification, now = Date.now()): Promise<NotificationOutcome> {
  const owner = readWatchSecret(notification.token);
  const number = Number(notification.messageNumber);
  if (!owner || !notification.channelId || notification.channelId.length > 255 || !Number.isSafeInteger(number) || number < 0) return 'ignored';
  const verdict = await hitLimit('calendar-notifications', owner.connectionId, now);
  if (!verdict.success) throw overRate(verdict, now);
  // Only the calendar's current channel counts, and only a message number above the highest seen.
  const [fresh] = await deps.database
    .update(connectedCalendars)
    .set({ watchMessageNumber: number })
    .where(
      and(
        eq(connectedCalendars.id, owner.calendarId),
        eq(connectedCalendars.connectionId, owner.connectionId),
        eq(connectedCalendars.watchId, notification.channelId),
        or(isNull(connectedCalendars.watchMessageNumber), lt(connectedCalendars.watchMessageNumber, number)),
      ),
    )
    .returning({ id: connectedCalendars.id });
  // "sync" is the channel's opening handshake: nothing changed yet.
  if (!fresh || notification.resourceState === 'sync') return 'ignored';
  await requestSync({ connectionId: owner.connectionId, provider: 'google' });
  return 'sync_requested';
}

const graphNotificationSchema = z.object({
  subscriptionId: z.string().max(255),
  clientState: z.string().max(255).nullish(),
  lifecycleEvent: z.string().max(100).optional(),
});
export const graphNotificationsSchema = z.object({ value: z.array(z.unknown()) });

/**
 * Graph batches notifications (changes or lifecycle events) for many subscriptions in one POST: at
 * most one lookup query per POST, the lifecycle writes, and one sync request per connection.
 */
export async function handleGraphNotifications(deps: HostWriteDeps, body: z.infer<typeof graphNotificationsSchema>, now = Date.now()): Promise<NotificationOutcome[]> {
  if (body.value.length > MAX_GRAPH_NOTIFICATIONS_PER_POST) {
    throw new AppError('payload_too_large', `At most ${MAX_GRAPH_NOTIFICATIONS_PER_POST} notifications per request`);
  }
  const items = body.value.map((raw) => {
    const parsed = graphNotificationSchema.safeParse(raw);
    return parsed.success ? { ...parsed.data, owner: readWatchSecret(parsed.data.clientState) } : null;
  });
  // Each connection counts once per POST; one over its rate is left out, and only a POST with
  // nothing left is refused (so one busy host does not hold back the others in a shared batch).
  const allowed = new Set<string>();
  let refusal: Verdict | null = null;
  for (const connectionId of new Set(items.flatMap((item) => (item?.owner ? [item.owner.connectionId] : [])))) {
    const verdict = await hitLimit('calendar-notifications', connectionId, now);
    if (verdict.success) allowed.add(connectionId);
    else refusal = verdict;
  }
  if (allowed.size === 0) {
    if (refusal) throw overRate(refusal, now);
    return items.map(() => 'ignored');
  }

  const calendarIds = [...new Set(items.flatMap((item) => (item?.owner && allowed.has(item.owner.connectionId) ? [item.owner.calendarId] : [])))];
  const rows = await deps.database
    .select({ id: connectedCalendars.id, connectionId: connectedCalendars.connectionId, watchId: connectedCalendars.watchId })
    .from(connectedCalendars)
    .where(inArray(connectedCalendars.id, calendarIds));
  const current = new Map(rows.map((row) => [row.id, row]));

  const outcomes: NotificationOutcome[] = [];
  const toSync = new Set<string>();
  const lifecycleDone = new Set<string>();
  for (const item of items) {
    const calendar = item?.owner ? current.get(item.owner.calendarId) : undefined;
    // A stopped or replaced subscription still carries a valid secret: only the calendar's current one counts.
    if (!item?.owner || !calendar || !allowed.has(calendar.connectionId) || calendar.connectionId !== item.owner.connectionId || calendar.watchId !== item.subscriptionId) {
      outcomes.push('ignored');
      continue;
    }
    const event = item.lifecycleEvent;
    if ((event === 'subscriptionRemoved' || event === 'reauthorizationRequired') && !lifecycleDone.has(`${calendar.id}:${event}`)) {
      lifecycleDone.add(`${calendar.id}:${event}`);
      await applyLifecycleEvent(deps, calendar, event);
    }
    // Changes, "missed" (notifications were dropped) and a new subscription all mean: read again.
    toSync.add(calendar.connectionId);
    outcomes.push('sync_requested');
  }
  for (const connectionId of toSync) await requestSync({ connectionId, provider: 'microsoft' });
  return outcomes;
}

async function applyLifecycleEvent(deps: HostWriteDeps, calendar: { id: string; connectionId: string }, event: 'subscriptionRemoved' | 'reauthorizationRequired') {
  // Removed: forget it so the renewal makes a new one. Reauthorization: renew now.
  const change = event === 'subscriptionRemoved' ? { watchId: null, watchExpiresAt: null } : { watchExpiresAt: sql`now()` };
  await deps.database.update(connectedCalendars).set(change).where(eq(connectedCalendars.id, calendar.id));
  await ensureWatches(deps, calendar.connectionId).catch((error: unknown) => log().warn({ error: String(error) }, 'Graph subscription renewal failed'));
}
