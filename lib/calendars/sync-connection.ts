import 'server-only';
import { and, eq } from 'drizzle-orm';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { freshAccessToken, ReauthRequiredError } from './access-token';
import { providerFor } from './adapters';
import { applyBusyChanges } from './busy-store';
import { recordSyncError } from './connection-status';
import { fetchIcsChanges } from './ics/ics-changes';
import { isProviderStatus } from './provider-request';
import { log } from '@/lib/log';

// One sync of one connection: every calendar that blocks time, from its cursor (Google syncToken,
// Graph deltaLink) or in full; ICS feeds are read whole. Safe to repeat; meant to run one at a time
// per connection (the job runner's concurrency key).

export type SyncOutcome = 'synced' | 'skipped' | 'reauth_required' | 'failed';

export async function syncConnection(deps: HostWriteDeps, connectionId: string, now = Date.now()): Promise<SyncOutcome> {
  const [connection] = await deps.database.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  if (!connection || connection.status === 'reauth_required') return 'skipped';
  const calendars = await deps.database
    .select()
    .from(connectedCalendars)
    .where(and(eq(connectedCalendars.connectionId, connectionId), eq(connectedCalendars.blocksTime, true)));
  try {
    if (connection.provider === 'ics') {
      for (const calendar of calendars) {
        const changes = await fetchIcsChanges(connection.icsUrl ?? '', now);
        await applyBusyChanges(deps, { hostUserId: connection.userId, connectionId, calendarId: calendar.id }, changes, now);
      }
    } else {
      const accessToken = await freshAccessToken(deps, connectionId, now);
      const { adapter } = providerFor(connection.provider);
      for (const calendar of calendars) {
        const changes = await adapter.fetchBusyChanges(accessToken, { externalId: calendar.externalId, cursor: calendar.syncCursor }, now);
        await applyBusyChanges(deps, { hostUserId: connection.userId, connectionId, calendarId: calendar.id }, changes, now);
      }
    }
  } catch (error) {
    if (error instanceof ReauthRequiredError) return 'reauth_required';
    // A 401 with a token we believed valid: forget its expiry so the next run refreshes first.
    if (isProviderStatus(error, 401)) await deps.database.update(calendarConnections).set({ expiresAt: null }).where(eq(calendarConnections.id, connectionId));
    log().error({ connectionId, provider: connection.provider, error: error instanceof Error ? error.message : String(error) }, 'calendar sync failed');
    await recordSyncError(deps, connectionId, error instanceof Error ? error.message : 'Sync failed');
    return 'failed';
  }
  await deps.database
    .update(calendarConnections)
    .set({ lastSyncedAt: new Date(now), lastError: null, ...(connection.status === 'error' ? { status: 'active' as const } : {}) })
    .where(eq(calendarConnections.id, connectionId));
  return 'synced';
}
