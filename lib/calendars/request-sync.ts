import 'server-only';
import { eq } from 'drizzle-orm';
import pLimit from 'p-limit';
import { db } from '@/lib/database';
import { calendarConnections } from '@/db/schema';
import { cacheStore } from '@/lib/cache';
import type { HostWriteDeps } from '@/lib/hosts/host-write';
import { runConnectionSync } from './sync-connection';
import { log } from '@/lib/log';

// The one way a notification or a settings change asks for a sync. With JOBS=inngest it becomes an
// event (inngest/start.ts installs that scheduler). Inline, syncs run in this process, one at a
// time per connection (a request during a running sync makes it run once more afterwards) and at
// most two at a time in all, so a poll of many stale connections cannot drain the database pool.
// A transient failure (throttled, unreachable) is tried again after the advised delay when that is
// within a minute; a longer one waits for the poll, which takes the connection once it is due.

export const INLINE_RETRY_WITHIN_MS = 60_000;

export type SyncScheduler = (connectionId: string) => Promise<void>;

const running = new Map<string, { again: boolean; done: Promise<void> }>();
const inlineLimit = pLimit(2);

/** JOBS=inline (the default): syncs in this process; tests install it with their own database. */
export function inlineSyncScheduler(deps: () => HostWriteDeps): SyncScheduler {
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
          const report = await inlineLimit(() => runConnectionSync(deps(), connectionId));
          if (report.outcome === 'retry' && report.retryInMs !== null && report.retryInMs <= INLINE_RETRY_WITHIN_MS) retryLater(connectionId, report.retryInMs);
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

const retryTimers = new Map<string, NodeJS.Timeout>();

function retryLater(connectionId: string, delayMs: number): void {
  if (retryTimers.has(connectionId)) return;
  const timer = setTimeout(() => {
    retryTimers.delete(connectionId);
    void requestSync(connectionId);
  }, delayMs);
  timer.unref();
  retryTimers.set(connectionId, timer);
}

let scheduler: SyncScheduler = inlineSyncScheduler(() => ({ database: db(), store: cacheStore() }));

export function requestSync(connectionId: string): Promise<void> {
  return scheduler(connectionId);
}

/** The job runner replaces the in-process scheduler; tests pass their own to observe requests. */
export function setSyncScheduler(next: SyncScheduler): void {
  scheduler = next;
}

/** Tests: wait for in-process syncs started by requestSync (and, with `retries`, the retries they scheduled). */
export async function settleInlineSyncs(options: { retries?: boolean } = {}): Promise<void> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  while (running.size > 0 || (options.retries && retryTimers.size > 0)) {
    if (running.size > 0) await Promise.all([...running.values()].map((entry) => entry.done));
    else await pause();
  }
}

/** The provider of a connection (the job runner throttles syncs per provider); null when it is gone. */
export async function connectionProvider(database: HostWriteDeps['database'], connectionId: string): Promise<'google' | 'microsoft' | 'ics' | null> {
  const [row] = await database.select({ provider: calendarConnections.provider }).from(calendarConnections).where(eq(calendarConnections.id, connectionId));
  return row?.provider ?? null;
}
