import { sql } from 'drizzle-orm';
import type { createDatabase } from '@/db/client';

// The inline jobs of a booking load run after its replies. A scenario measured while they still run
// measures them too, so the next one waits for the outbox to drain first.

type BenchDatabase = ReturnType<typeof createDatabase>;

/** The database's clock now, as text: where a drain starts counting rows from. */
export async function databaseNow(database: BenchDatabase): Promise<string> {
  const [{ now }] = (await database.execute<{ now: string }>(sql`select now()::text as now`)) as unknown as [{ now: string }];
  return now;
}

/** Waits until every outbox row written since `since` is dispatched, or the timeout; returns the rows still pending. */
export async function drainOutbox(database: BenchDatabase, since: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ pending }] = (await database.execute<{ pending: number }>(
      sql`select count(*)::int as pending from outbox where created_at >= ${since}::timestamptz and dispatched_at is null`,
    )) as unknown as [{ pending: number }];
    if (pending === 0 || Date.now() >= deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
