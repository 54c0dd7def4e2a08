import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { calendarConnections } from '@/db/schema';
import { type HostWriteDeps, runHostWrite } from '@/lib/hosts/host-write';

// A connection whose consent is gone (invalid_grant, revoked) turns `reauth_required` once: the same
// transaction records the outbox event that emails the host, so a second failure sends nothing.
// Its busy rows stay: slots keep using the last known busy time until the host reconnects.

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

export async function recordSyncError(deps: HostWriteDeps, connectionId: string, message: string): Promise<void> {
  await deps.database.update(calendarConnections).set({ lastError: message.slice(0, 500) }).where(eq(calendarConnections.id, connectionId));
}
