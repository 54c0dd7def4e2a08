import 'server-only';
import { sql } from 'drizzle-orm';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { requestSync } from './request-sync';

// The cron's sync pass: every connection not synced for 10 minutes (push can be lost; ICS feeds
// have no push at all) is asked to sync again. Oldest first, bounded per run.

export const POLL_AFTER_MS = 10 * 60 * 1000;

export async function pollStaleConnections(deps: HostWriteDeps, now = Date.now(), limit = 200): Promise<string[]> {
  const rows = await deps.database.execute<{ id: string }>(sql`
    select id from calendar_connections
    where status <> 'reauth_required'
      and (last_synced_at is null or last_synced_at < ${new Date(now - POLL_AFTER_MS).toISOString()}::timestamptz)
    order by last_synced_at asc nulls first
    limit ${limit}`);
  for (const row of rows) await requestSync(row.id);
  return rows.map((row) => row.id);
}
