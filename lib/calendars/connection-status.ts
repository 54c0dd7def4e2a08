import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { calendarConnections, connectedCalendars } from '@/db/schema';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';
import type { SyncFailure } from './provider-errors';
import { POLL_AFTER_MS, retryDelayMs, shouldStopPolling } from './sync-backoff';

// What a sync's outcome does to its connection. Busy rows are never touched here: after any
// failure, slots keep using the last busy time read until a sync succeeds again.
// - consent gone (invalid_grant, revoked): `reauth_required` once, with the outbox event that
//   emails the host in the same transaction, so a second failure sends nothing;
// - a failure: the error in words, and the next attempt backed off (sync-backoff.ts); after a day of
//   failures in a row, `error` once (polling stops; the host is emailed and can try again);
// - a success: clears all of that and polls again in 10 minutes.

export async function markReauthRequired(deps: HostWriteDeps, connectionId: string, reason: string): Promise<boolean> {
  const [connection] = await deps.database
    .select({ userId: calendarConnections.userId })
    .from(calendarConnections)
    .where(eq(calendarConnections.id, connectionId));
  if (!connection) return false;
  return runHostWrite(deps, { hostUserId: connection.userId, actor: { kind: 'system', job: 'calendar-token' } }, async ({ tx, emit }) => {
    const [flipped] = await tx
      .update(calendarConnections)
      .set({ status: 'reauth_required', lastError: reason.slice(0, 500) })
      .where(and(eq(calendarConnections.id, connectionId), ne(calendarConnections.status, 'reauth_required')))
      .returning();
    if (!flipped || flipped.provider === 'ics') return false;
    await emit('calendar/reauth-required', { connectionId, hostUserId: flipped.userId, provider: flipped.provider, accountEmail: flipped.accountEmail });
    return true;
  });
}

export async function recordSyncSuccess(deps: HostWriteDeps, connectionId: string, now: number, warning: string | null): Promise<void> {
  await deps.database
    .update(calendarConnections)
    .set({
      lastSyncedAt: new Date(now),
      lastAttemptAt: new Date(now),
      nextSyncAt: new Date(now + POLL_AFTER_MS),
      lastError: null,
      failureCount: 0,
      failingSince: null,
      lastSyncWarning: warning?.slice(0, 1000) ?? null,
      status: sql`case when ${calendarConnections.status} = 'error' then 'active' else ${calendarConnections.status} end`,
    })
    .where(eq(calendarConnections.id, connectionId));
}

export interface FailureRecord {
  /** When the connection is tried again (null: it stopped polling). */
  retryInMs: number | null;
  stopped: boolean;
}

export async function recordSyncFailure(deps: HostWriteDeps, connectionId: string, failure: SyncFailure, now: number, random = Math.random()): Promise<FailureRecord> {
  const [row] = await deps.database
    .update(calendarConnections)
    .set({
      failureCount: sql`${calendarConnections.failureCount} + 1`,
      failingSince: sql`coalesce(${calendarConnections.failingSince}, ${new Date(now).toISOString()}::timestamptz)`,
      lastAttemptAt: new Date(now),
      lastError: failure.message.slice(0, 500),
    })
    .where(eq(calendarConnections.id, connectionId))
    .returning({ failureCount: calendarConnections.failureCount, failingSince: calendarConnections.failingSince, status: calendarConnections.status });
  if (!row) return { retryInMs: null, stopped: false };
  if (row.status === 'active' && row.failingSince && shouldStopPolling(row.failureCount, row.failingSince, now)) {
    await stopPolling(deps, connectionId, failure.message);
    return { retryInMs: null, stopped: true };
  }
  const retryInMs = retryDelayMs(failure, row.failureCount, random);
  await deps.database.update(calendarConnections).set({ nextSyncAt: new Date(now + retryInMs) }).where(eq(calendarConnections.id, connectionId));
  return { retryInMs, stopped: false };
}

/** active → error once, with the event that emails the host in the same transaction. */
async function stopPolling(deps: HostWriteDeps, connectionId: string, lastError: string): Promise<void> {
  const [connection] = await deps.database.select({ userId: calendarConnections.userId }).from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  if (!connection) return;
  await runHostWrite(deps, { hostUserId: connection.userId, actor: { kind: 'system', job: 'calendar-sync' } }, async ({ tx, emit }) => {
    const [flipped] = await tx
      .update(calendarConnections)
      .set({ status: 'error' })
      .where(and(eq(calendarConnections.id, connectionId), eq(calendarConnections.status, 'active')))
      .returning();
    if (!flipped) return;
    const [calendar] = await tx.select({ name: connectedCalendars.name }).from(connectedCalendars).where(eq(connectedCalendars.connectionId, connectionId)).limit(1);
    await emit('calendar/sync-stopped', {
      connectionId,
      hostUserId: flipped.userId,
      provider: flipped.provider,
      label: flipped.accountEmail ?? calendar?.name ?? null,
      lastError: lastError.slice(0, 500),
    });
  });
}
