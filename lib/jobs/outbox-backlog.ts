import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';

// The outbox's backlog for the metrics scrape, in one statement on the pending rows' partial index
// (idx_outbox_pending): the oldest row is its first entry, and the count stops at PENDING_COUNT_CAP.
// Rows dispatch gave up on stay pending, so they keep the age high until an operator looks.

const PENDING_COUNT_CAP = 10_000;

export interface OutboxBacklog {
  /** Seconds since the oldest undispatched row was written; 0 when there is none. */
  oldestAgeSeconds: number;
  /** Undispatched rows, counted up to PENDING_COUNT_CAP. */
  pending: number;
}

export async function measureOutboxBacklog(database: Queryable): Promise<OutboxBacklog> {
  const [row] = await database.execute<{ age: number | null; pending: number }>(sql`
    select extract(epoch from now() - (select min(created_at) from outbox where dispatched_at is null))::float8 as age,
           (select count(*) from (select 1 from outbox where dispatched_at is null limit ${PENDING_COUNT_CAP}) capped)::int as pending`);
  return { oldestAgeSeconds: Math.max(0, row?.age ?? 0), pending: row?.pending ?? 0 };
}
