import 'server-only';
import { installCacheStore, redisClient } from '@/lib/cache';
import { type CacheCall, createRemoteStore } from '@/lib/cache/remote-store';
import { jobsDb } from '@/lib/database';
import { dispatchAfterCommit, settleDispatches, sweepOutbox } from '@/lib/jobs/dispatch';
import { type DispatchedEvent, eventSchemas } from '@/lib/jobs/events';
import { briefly, handoffMessageSchema, type WorkerMessage } from '@/lib/jobs/handoff';
import { errorField, log } from '@/lib/log';
import { appMetrics } from '@/lib/metrics/registry';
import { inlineSink } from './inline-runner';

// The jobs worker's side of the hand-off (lib/jobs/handoff.ts): what the server process sends over
// the IPC channel, and, without Redis, the worker's cache store: the server's, over the same channel.
// Committed ids go through the same batching and bounded queue as in a single process; ids refused
// by a full queue stay pending, and a catch-up sweep runs them once there is room, so a burst of
// bookings drains at the worker's pace instead of being held in memory.

const CATCH_UP_EVERY_MS = 2_000;
/** A cache call the server does not answer in this long fails, as a Redis that is down would. */
const CACHE_CALL_TIMEOUT_MS = 2_000;
const EXIT_GRACE_MS = 10_000;

let behind = false;
let catchingUp = false;
let nextCacheCall = 0;
const cacheCalls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

function sendToServer(message: WorkerMessage): void {
  process.send?.(message);
}

/** Runs a call on the server's cache store (remote-store.ts). */
function callServerCache(call: CacheCall): Promise<unknown> {
  const requestId = nextCacheCall++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // The server may have granted the lock after all: give it back (release checks the token).
      if (call.method === 'acquireLock') sendToServer({ kind: 'cache', requestId: nextCacheCall++, call: { method: 'releaseLock', args: [call.args[0], call.args[1]] } });
      settle(() => reject(new Error(`the server did not answer the cache call ${call.method}`)));
    }, CACHE_CALL_TIMEOUT_MS);
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      cacheCalls.delete(requestId);
      finish();
    };
    cacheCalls.set(requestId, { resolve: (value) => settle(() => resolve(value)), reject: (error) => settle(() => reject(error)) });
    if (!process.connected) settle(() => reject(new Error('no server to ask')));
    else sendToServer({ kind: 'cache', requestId, call });
  });
}

async function catchUp(): Promise<void> {
  if (!behind || catchingUp) return;
  behind = false;
  catchingUp = true;
  try {
    await sweepOutbox(jobsDb(), { graceMs: 0 });
  } catch (error) {
    behind = true;
    log().error({ component: 'jobs', err: errorField(error, true) }, 'catch-up sweep failed; retrying');
  } finally {
    catchingUp = false;
  }
}

/** One message from the server (exported for tests; the worker gets them from `process.on('message')`). */
export function receiveFromServer(raw: unknown): void {
  const parsed = handoffMessageSchema.safeParse(raw);
  if (!parsed.success) {
    log().error({ component: 'jobs', issues: briefly(parsed.error.issues) }, 'jobs worker: message from the server refused');
    return;
  }
  const message = parsed.data;
  if (message.kind === 'committed') {
    if (!dispatchAfterCommit(jobsDb(), message.ids)) behind = true;
  } else if (message.kind === 'request') {
    const { id, name, data, ts } = message.event;
    const payload = eventSchemas[name].safeParse(data);
    if (!payload.success) {
      log().error({ component: 'jobs', event: name, issues: briefly(payload.error.issues) }, 'jobs worker: requested event refused');
      return;
    }
    const event = { id, name, data: payload.data, ts } as DispatchedEvent;
    inlineSink.deliver(event).catch((error: unknown) => log().error({ component: 'jobs', event: name, err: errorField(error, true) }, 'requested job failed; its poll retries'));
  } else if (message.kind === 'cache-reply') {
    const waiting = cacheCalls.get(message.requestId);
    if (message.ok) waiting?.resolve(message.value);
    else waiting?.reject(new Error('the server’s cache call failed'));
  } else {
    // The app's own series only: the process metrics (memory, event-loop lag) describe the server's
    // process in its scrape; the worker's, starved by design under load, would only blur them.
    void appMetrics()
      .registry.getMetricsAsJSON()
      .then((metrics) => sendToServer({ kind: 'metrics', requestId: message.requestId, metrics: metrics.filter((metric) => metric.name.startsWith('rendezvous_')) }));
  }
}

/** In the jobs worker: take work from the server, run the rows a restart may have left, and leave with the server. */
export function listenToServer(): void {
  process.on('message', receiveFromServer);
  // Without Redis the server's memory store is the cache: bump versions and take locks there.
  if (!redisClient()) installCacheStore(createRemoteStore(callServerCache));
  // Rows handed over while no worker ran (a restart) are pending: run them now, not a minute later.
  behind = true;
  void catchUp();
  const catchingUpEvery = setInterval(() => void catchUp(), CATCH_UP_EVERY_MS);
  catchingUpEvery.unref();
  appMetrics().jobsWorkerUp.set(1);
  let leaving = false;
  const leave = () => {
    if (leaving) return;
    leaving = true;
    clearInterval(catchingUpEvery);
    const deadline = new Promise((resolve) => setTimeout(resolve, EXIT_GRACE_MS).unref());
    void Promise.race([settleDispatches(), deadline]).finally(() => process.exit(0));
  };
  // The server went away or asked us to stop (Ctrl-C reaches the whole process group): finish what
  // is in hand, briefly, and go. What is cut off stays pending in the outbox for the next worker.
  process.on('disconnect', leave);
  process.on('SIGTERM', leave);
  process.on('SIGINT', leave);
}
