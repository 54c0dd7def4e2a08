import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { calendarConnections } from '@/db/schema';
import { hitLimit, rateLimited } from '@/lib/cache/rate-limit';
import { AppError } from '@/lib/errors';
import type { HostContext } from '@/lib/hosts/host-write';
import { runConnectionSync, type SyncOutcome } from './sync-connection';

// "Sync now" and "Try again" on the integrations page: the host's own connection, read at once.
// A connection that stopped polling (`error`) starts again from a clean slate; one whose consent
// is gone needs reconnecting instead. Limited per connection and per host, because each one
// fetches from a provider or a feed on the request.

export const syncNowSchema = z.object({ connectionId: z.uuid() });

export async function syncNow(ctx: HostContext, input: z.infer<typeof syncNowSchema>): Promise<{ connectionId: string; outcome: SyncOutcome }> {
  const { now } = ctx;
  const hostUserId = ctx.actor.userId;
  const [connection] = await ctx.database
    .select({ status: calendarConnections.status })
    .from(calendarConnections)
    .where(and(eq(calendarConnections.id, input.connectionId), eq(calendarConnections.userId, hostUserId)));
  if (!connection) throw new AppError('not_found', 'That calendar connection does not exist.');
  if (connection.status === 'reauth_required') throw new AppError('conflict', 'Reconnect this calendar first.');
  for (const [name, key] of [['calendar-sync-now-connection', input.connectionId], ['calendar-sync-now-host', hostUserId]] as const) {
    const verdict = await hitLimit(name, key, now);
    if (!verdict.success) throw rateLimited(verdict, now, 'This calendar was synced a moment ago. Please wait a minute and try again.');
  }
  if (connection.status === 'error') {
    await ctx.database
      .update(calendarConnections)
      .set({ status: 'active', failureCount: 0, failingSince: null, nextSyncAt: new Date(now) })
      .where(and(eq(calendarConnections.id, input.connectionId), eq(calendarConnections.status, 'error')));
  }
  const report = await runConnectionSync(ctx, input.connectionId, now);
  return { connectionId: input.connectionId, outcome: report.outcome };
}
