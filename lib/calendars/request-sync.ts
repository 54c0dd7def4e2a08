import 'server-only';
import { eq } from 'drizzle-orm';
import pLimit from 'p-limit';
import { db } from '@/db/client';
import { calendarConnections } from '@/db/schema';
import { cacheStore } from '@/lib/cache';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { syncConnection } from './sync-connection';
import { log } from '@/lib/log';

// The one way a notification or a settings change asks for a sync. Until the job runner is wired
// (an Inngest function with concurrency 1 per connection), syncs run in this process, one at a
// time per connection (a request during a running sync makes it run once more afterwards) and at
// most two at a time in all, so a poll of many stale connections cannot drain the database pool.

export type SyncScheduler = (connectionId: string) => Promise<void>;

const running = new Map<string, { again: boolean; done: Promise<void> }>();
const inlineLimit = pLimit(2);

function inlineScheduler(deps: () => HostWriteDeps): SyncScheduler {
  return async (connectionId) => {
    const current = running.get(connectionId);
    if (current) {
      current.again = true;
      return;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await inlineLimit(() => syncConnection(deps(), connectionId));
        } while (entry.again);
      } catch (error) {
        log().error({ connectionId, error: String(error) }, 'calendar sync failed');
      } finally {
        running.delete(connectionId);
      }
    })();
    running.set(connectionId, entry);
  };
}

let scheduler: SyncScheduler = inlineScheduler(() => ({ database: db(), store: cacheStore() }));

export function requestSync(connectionId: string): Promise<void> {
  return scheduler(connectionId);
}

/** The job runner replaces the in-process scheduler; tests pass their own to observe requests. */
export function setSyncScheduler(next: SyncScheduler): void {
  scheduler = next;
}

/** Tests: wait for in-process syncs started by requestSync. */
export async function settleInlineSyncs(): Promise<void> {
  while (running.size > 0) await Promise.all([...running.values()].map((entry) => entry.done));
}

/** The provider of a connection (the job runner throttles syncs per provider); null when it is gone. */
export async function connectionProvider(database: HostWriteDeps['database'], connectionId: string): Promise<'google' | 'microsoft' | 'ics' | null> {
  const [row] = await database.select({ provider: calendarConnections.provider }).from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  return row?.provider ?? null;
}
