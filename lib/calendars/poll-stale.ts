import 'server-only';
import { sql } from 'drizzle-orm';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { requestSync, type SyncRequest } from './request-sync';
import { POLL_AFTER_MS } from './sync-backoff';

// The cron's sync pass (every minute): connections that are due (next_sync_at, pushed out by
// successes and backed off by failures), oldest due first, at most PER_HOST_SHARE per host per
// round, so no host's many failing feeds can take a round from anyone else. Connections in
// `error` or `reauth_required` are not polled. Taking a connection moves its next_sync_at out
// (a lease), so a round never picks one that an earlier round queued and has not run yet.

export { POLL_AFTER_MS };
export const POLL_BATCH = 200;
export const PER_HOST_SHARE = 3;
/** How long a taken connection is left alone while its sync is queued or running. */
export const POLL_LEASE_MS = 5 * 60 * 1000;

export async function pollStaleConnections(deps: HostWriteDeps, now = Date.now(), limit = POLL_BATCH): Promise<string[]> {
  const at = new Date(now).toISOString();
  const rows = await deps.database.execute<{ id: string; provider: SyncRequest['provider'] }>(sql`
    with due as (
      select id, next_sync_at, row_number() over (partition by user_id order by next_sync_at, id) as place
      from calendar_connections
      where status = 'active' and next_sync_at <= ${at}::timestamptz
    ), taken as (
      select id from due where place <= ${PER_HOST_SHARE} order by next_sync_at, id limit ${limit}
    )
    update calendar_connections c set next_sync_at = ${at}::timestamptz + ${`${POLL_LEASE_MS} milliseconds`}::interval
    from taken where c.id = taken.id
    returning c.id, c.provider`);
  for (const row of rows) await requestSync({ connectionId: row.id, provider: row.provider });
  return rows.map((row) => row.id);
}
