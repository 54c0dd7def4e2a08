import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, lt, or, isNull, sql } from 'drizzle-orm';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { freshAccessToken } from '../access-token';
import { providerFor } from '../adapters';
import type { Watch } from '../provider-adapter';
import type { OAuthProvider } from '../provider-config';
import { isProviderStatus } from '../provider-request';
import { notificationUrl, pushEnabled, watchSecret } from './watch-secret';
import { log } from '@/lib/log';

// Push channels on every calendar that blocks time. Google channels cannot be extended: a new channel
// is opened first and the old one stopped after, so no change falls between them. Graph subscriptions
// are extended in place (at most ~3 days for events), or made anew when Graph has dropped them.

const DAY = 24 * 60 * 60 * 1000;
export const WATCH_LIFETIME_MS = { google: 7 * DAY, microsoft: 2.5 * DAY } as const;
/** Renewed when less than this is left; the cron runs every few minutes, so there is ample margin. */
export const RENEW_BEFORE_MS = 12 * 60 * 60 * 1000;

type CalendarRow = typeof connectedCalendars.$inferSelect;

async function watchCalendar(deps: HostWriteDeps, provider: OAuthProvider, accessToken: string, calendar: CalendarRow, now: number): Promise<void> {
  const { adapter } = providerFor(provider);
  const expiresAt = new Date(now + WATCH_LIFETIME_MS[provider]);
  const old: Watch | null = calendar.watchId ? { id: calendar.watchId, resourceId: calendar.watchResourceId, expiresAt: calendar.watchExpiresAt ?? new Date(now) } : null;
  if (old) {
    try {
      const renewed = await adapter.renewWatch(accessToken, old, expiresAt);
      if (renewed) {
        await deps.database.update(connectedCalendars).set({ watchExpiresAt: renewed.expiresAt }).where(eq(connectedCalendars.id, calendar.id));
        return;
      }
    } catch (error) {
      if (!isProviderStatus(error, 404)) throw error;
    }
  }
  const created = await adapter.startWatch(accessToken, calendar.externalId, {
    channelId: randomUUID(),
    address: notificationUrl(provider),
    lifecycleAddress: notificationUrl(provider),
    secret: watchSecret(calendar.connectionId, calendar.id),
    expiresAt,
  });
  await deps.database
    .update(connectedCalendars)
    .set({ watchId: created.id, watchResourceId: created.resourceId, watchExpiresAt: created.expiresAt, watchMessageNumber: null })
    .where(eq(connectedCalendars.id, calendar.id));
  if (old && old.id !== created.id) await adapter.stopWatch(accessToken, old).catch(() => undefined);
}

/** Opens or renews the channels of a connection's blocking calendars that lack one or expire soon. */
export async function ensureWatches(deps: HostWriteDeps, connectionId: string, now = Date.now()): Promise<void> {
  const [connection] = await deps.database.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  if (!connection || connection.provider === 'ics' || connection.status !== 'active' || !pushEnabled()) return;
  const due = await deps.database
    .select()
    .from(connectedCalendars)
    .where(
      and(
        eq(connectedCalendars.connectionId, connectionId),
        eq(connectedCalendars.blocksTime, true),
        or(isNull(connectedCalendars.watchId), lt(connectedCalendars.watchExpiresAt, new Date(now + RENEW_BEFORE_MS))),
      ),
    );
  if (due.length === 0) return;
  const accessToken = await freshAccessToken(deps, connectionId, now);
  for (const calendar of due) await watchCalendar(deps, connection.provider, accessToken, calendar, now);
}

/** Stops one calendar's channel (it stopped blocking time, or the connection goes away). */
export async function stopWatch(deps: HostWriteDeps, provider: OAuthProvider, connectionId: string, calendar: CalendarRow, options: { markReauth?: boolean } = {}): Promise<void> {
  if (!calendar.watchId) return;
  const accessToken = await freshAccessToken(deps, connectionId, Date.now(), options);
  await providerFor(provider).adapter.stopWatch(accessToken, { id: calendar.watchId, resourceId: calendar.watchResourceId, expiresAt: calendar.watchExpiresAt ?? new Date() });
  await deps.database.update(connectedCalendars).set({ watchId: null, watchResourceId: null, watchExpiresAt: null, watchMessageNumber: null }).where(eq(connectedCalendars.id, calendar.id));
}

/** Disconnecting: stops every channel without marking the connection (it is about to go). */
export async function stopConnectionWatches(deps: HostWriteDeps, connectionId: string): Promise<void> {
  const [connection] = await deps.database.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  if (!connection || connection.provider === 'ics' || connection.status === 'reauth_required') return;
  const watched = await deps.database.select().from(connectedCalendars).where(and(eq(connectedCalendars.connectionId, connectionId), isNotNull(connectedCalendars.watchId)));
  for (const calendar of watched) await stopWatch(deps, connection.provider, connectionId, calendar, { markReauth: false });
}

/** The cron's channel pass: connections with a blocking calendar whose channel is missing or expiring. */
export async function renewWatchChannels(deps: HostWriteDeps, now = Date.now(), limit = 100): Promise<number> {
  // Without a public https address no provider will deliver: nothing to open (development).
  if (!pushEnabled()) return 0;
  const providers = ['google', 'microsoft'] as const;
  const rows = await deps.database.execute<{ connection_id: string }>(sql`
    select distinct c.connection_id
    from connected_calendars c
    join calendar_connections k on k.id = c.connection_id
    where k.status = 'active' and k.provider in (${sql.join(providers.map((p) => sql`${p}`), sql`, `)}) and c.blocks_time
      and (c.watch_id is null or c.watch_expires_at < ${new Date(now + RENEW_BEFORE_MS).toISOString()}::timestamptz)
    limit ${limit}`);
  for (const row of rows) {
    await ensureWatches(deps, row.connection_id, now).catch((error) => log().warn({ connectionId: row.connection_id, error: String(error) }, 'calendar channel renewal failed'));
  }
  return rows.length;
}
