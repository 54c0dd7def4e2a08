import 'server-only';
import { RetryAfterError } from 'inngest';
import pLimit from 'p-limit';
import type { DispatchedEvent } from '@/lib/jobs/events';
import type { JobConcurrency } from './functions/job';
import { errorField, log } from '@/lib/log';

// JOBS=inline, a job with a concurrency key (calendar sync). Its requests come often (each push, each
// poll) and a poll repeats a lost one, so it runs in the background instead of on the caller's time:
// one run per key at a time (a request during a run makes it run once more afterwards), at most two
// such runs in all, so a poll of many connections cannot drain the database pool. A run refused with
// RetryAfterError is asked for again after the advised delay when that is within `retryWithinMs`;
// a longer one is left to the poll.

const BACKGROUND_RUNS = 2;
const limit = pLimit(BACKGROUND_RUNS);
/** Jobs that wait mostly on someone else's server (webhook receivers) get a pool of their own. */
const ownLimits = new Map<string, ReturnType<typeof pLimit>>();

function limitOf(pool: { name: string; runs: number } | undefined): ReturnType<typeof pLimit> {
  if (!pool) return limit;
  let own = ownLimits.get(pool.name);
  if (!own) ownLimits.set(pool.name, (own = pLimit(pool.runs)));
  return own;
}
const running = new Map<string, { again: boolean; done: Promise<void> }>();
const retryTimers = new Map<string, NodeJS.Timeout>();

/** The run's key: the job and the value of its concurrency key (`event.data.connectionId`) in this event. */
export function concurrencyKey(jobId: string, concurrency: JobConcurrency, event: DispatchedEvent): string {
  const value = concurrency.key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], { event });
  return `${jobId}:${String(value)}`;
}

/** Milliseconds until a RetryAfterError allows the next try (Inngest keeps whole seconds or a date). */
function retryDelayMs(error: unknown): number | null {
  if (!(error instanceof RetryAfterError)) return null;
  return /^\d+$/.test(error.retryAfter) ? Number(error.retryAfter) * 1000 : Math.max(0, Date.parse(error.retryAfter) - Date.now());
}

export function runInBackground(key: string, run: () => Promise<unknown>, retryWithinMs: number, pool?: { name: string; runs: number }): void {
  const current = running.get(key);
  if (current) {
    current.again = true;
    return;
  }
  const entry = { again: false, done: Promise.resolve() };
  running.set(key, entry);
  entry.done = (async () => {
    try {
      do {
        entry.again = false;
        await limitOf(pool)(run);
      } while (entry.again);
    } catch (error) {
      const delay = retryDelayMs(error);
      if (delay === null) log().error({ component: 'jobs', key, err: errorField(error, true) }, 'background job failed');
      else if (delay <= retryWithinMs) retryLater(key, run, delay, retryWithinMs, pool);
    } finally {
      running.delete(key);
    }
  })();
}

function retryLater(key: string, run: () => Promise<unknown>, delayMs: number, retryWithinMs: number, pool?: { name: string; runs: number }): void {
  if (retryTimers.has(key)) return;
  const timer = setTimeout(() => {
    retryTimers.delete(key);
    runInBackground(key, run, retryWithinMs, pool);
  }, delayMs);
  timer.unref();
  retryTimers.set(key, timer);
}

/** Tests: wait for background runs (and, with `retries`, the retries they scheduled). */
export async function settleBackgroundRuns(options: { retries?: boolean } = {}): Promise<void> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  while (running.size > 0 || (options.retries && retryTimers.size > 0)) {
    if (running.size > 0) await Promise.all([...running.values()].map((entry) => entry.done));
    else await pause();
  }
}
