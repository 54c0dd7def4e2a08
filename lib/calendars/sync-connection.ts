import 'server-only';
import { and, eq } from 'drizzle-orm';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { freshAccessToken, ReauthRequiredError } from './access-token';
import { providerFor } from './adapters';
import { applyBusyChanges } from './busy-store';
import { recordSyncFailure, recordSyncSuccess } from './connection-status';
import { fetchIcsChanges } from './ics/ics-changes';
import { classifySyncError } from './provider-errors';
import { log } from '@/lib/log';
import { countCalendarSync } from '@/lib/metrics/counters';

// One sync of one connection: every calendar that blocks time, from its cursor (Google syncToken,
// Graph deltaLink) or in full; ICS feeds are read whole. Safe to repeat; meant to run one at a time
// per connection (the job runner's concurrency key). A failure changes no busy rows (the last good
// data stays); it is recorded on the connection with the next attempt (connection-status.ts).

/** `retry`: a transient failure (throttled, unreachable); `retryInMs` says when to come back. */
export type SyncOutcome = 'synced' | 'skipped' | 'reauth_required' | 'failed' | 'retry';

export interface SyncReport {
  outcome: SyncOutcome;
  /** When the connection should be tried again (failures only; null when it stopped polling). */
  retryInMs: number | null;
}

export async function runConnectionSync(deps: HostWriteDeps, connectionId: string, now = Date.now()): Promise<SyncReport> {
  const report = await syncOnce(deps, connectionId, now);
  countCalendarSync(report.outcome);
  return report;
}

async function syncOnce(deps: HostWriteDeps, connectionId: string, now: number): Promise<SyncReport> {
  const [connection] = await deps.database.select().from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  if (!connection || connection.status === 'reauth_required') return { outcome: 'skipped', retryInMs: null };
  const calendars = await deps.database
    .select()
    .from(connectedCalendars)
    .where(and(eq(connectedCalendars.connectionId, connectionId), eq(connectedCalendars.blocksTime, true)));
  let warning: string | null = null;
  try {
    if (connection.provider === 'ics') {
      for (const calendar of calendars) {
        const read = await fetchIcsChanges(connection.icsUrl ?? '', now);
        warning = read.warning;
        await applyBusyChanges(deps, { hostUserId: connection.userId, connectionId, calendarId: calendar.id }, read.changes, now);
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
    if (error instanceof ReauthRequiredError) return { outcome: 'reauth_required', retryInMs: null };
    const failure = classifySyncError(error);
    // A 401 with a token we believed valid: forget its expiry so the next run refreshes first.
    if (failure.kind === 'auth') await deps.database.update(calendarConnections).set({ expiresAt: null }).where(eq(calendarConnections.id, connectionId));
    log().error({ connectionId, provider: connection.provider, kind: failure.kind, error: error instanceof Error ? error.message : String(error) }, 'calendar sync failed');
    const record = await recordSyncFailure(deps, connectionId, failure, now);
    return { outcome: failure.kind === 'transient' && !record.stopped ? 'retry' : 'failed', retryInMs: record.retryInMs };
  }
  await recordSyncSuccess(deps, connectionId, now, warning);
  return { outcome: 'synced', retryInMs: null };
}

export async function syncConnection(deps: HostWriteDeps, connectionId: string, now = Date.now()): Promise<SyncOutcome> {
  return (await runConnectionSync(deps, connectionId, now)).outcome;
}
