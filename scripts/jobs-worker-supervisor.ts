// The server's side of the jobs worker (lib/jobs/handoff.ts): starts scripts/jobs-worker.ts at a
// lower CPU priority, restarts it if it dies, and is the JobsHandoff the app's code hands work to.
// A hand-off the worker cannot take (it is restarting) is dropped: the rows stay pending in the
// outbox and the worker runs them when it is back, so nothing is held in this process's memory.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import type { DispatchedEvent } from '@/lib/jobs/events';
import { cacheStore } from '@/lib/cache';
import { runCacheCall } from '@/lib/cache/remote-store';
import { briefly, type HandoffMessage, type JobsHandoff, MAX_IDS_PER_MESSAGE, workerMessageSchema } from '@/lib/jobs/handoff';
import { errorField, log } from '@/lib/log';

/**
 * The worker runs at the lowest priority: on CPU the server and Postgres leave idle. Niceness alone was
 * not enough: measured at booking saturation, a worker at nice 19 still took half a core, since a
 * woken server thread waited out the worker's time slice; the server's replies went 211/s beside a
 * worker at nice 10, 219/s at 19, 235/s with the worker stopped. SCHED_IDLE (chrt --idle) is preempted
 * at once. A backlog the worker builds under a burst is durable (the outbox) and drains after it.
 */
export const JOBS_WORKER_NICE = 19;
/** Ids committed within this long go over in one message. */
const BATCH_DELAY_MS = 5;
/** Past this many ids waiting for the next message, more are left to the worker's catch-up sweep. */
const MAX_WAITING_IDS = 10_000;
const METRICS_TIMEOUT_MS = 2_000;
const RESTART_DELAYS_MS = [1_000, 5_000, 30_000];
/** A worker that ran this long before it died starts the restart delays over. */
const STABLE_AFTER_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

const workerScript = path.join(process.cwd(), 'scripts', 'jobs-worker.ts');
const findCommand = (name: string) => [`/usr/bin/${name}`, `/bin/${name}`].find((candidate) => existsSync(candidate));
const niceCommand = findCommand('nice');
/** chrt(1) when it can put a process under SCHED_IDLE here (a container may refuse scheduling changes). */
function usableChrt(): string | undefined {
  const chrt = findCommand('chrt');
  return chrt && spawnSync(chrt, ['--idle', '0', 'true']).status === 0 ? chrt : undefined;
}

export interface JobsWorker {
  handoff: JobsHandoff;
  stop(): Promise<void>;
}

export function superviseJobsWorker(): JobsWorker {
  const chrtCommand = usableChrt();
  let child: ChildProcess | undefined;
  let stopping = false;
  let failures = 0;
  let waiting: string[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let nextRequestId = 0;
  const metricsWaiters = new Map<number, (metrics: unknown[] | null) => void>();

  const send = (message: HandoffMessage): boolean => {
    if (!child?.connected) return false;
    try {
      child.send(message);
      return true;
    } catch {
      return false;
    }
  };

  const restartLater = (reason: Record<string, unknown>, ranForMs: number) => {
    if (stopping) return;
    // 1 s, then 5 s, then 30 s while it keeps failing; a run of a minute starts over.
    failures = ranForMs > STABLE_AFTER_MS ? 0 : failures + 1;
    const delay = RESTART_DELAYS_MS[Math.min(failures, RESTART_DELAYS_MS.length - 1)]!;
    log().error({ component: 'jobs', ...reason, restartInMs: delay }, 'jobs worker stopped; restarting (pending outbox rows wait for it)');
    setTimeout(() => {
      if (!stopping) start();
    }, delay).unref();
  };

  const start = () => {
    const startedAt = Date.now();
    // Through chrt(1) and nice(1) when there are, so every thread of the worker starts at the lower
    // priority (setpriority on a running process reaches only its main thread on Linux).
    const node = [process.execPath, ...process.execArgv, workerScript];
    const niced = niceCommand ? [niceCommand, '-n', String(JOBS_WORKER_NICE), ...node] : node;
    const [command, ...args] = chrtCommand ? [chrtCommand, '--idle', '0', ...niced] : niced;
    let worker: ChildProcess;
    try {
      worker = spawn(command!, args, { env: process.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    } catch (error) {
      restartLater({ err: errorField(error, true) }, 0);
      return;
    }
    child = worker;
    let ended = false;
    const end = (reason: Record<string, unknown>) => {
      if (ended) return;
      ended = true;
      if (child === worker) child = undefined;
      restartLater(reason, Date.now() - startedAt);
    };
    if (!niceCommand && worker.pid !== undefined) {
      try {
        setPriority(worker.pid, JOBS_WORKER_NICE);
      } catch (error) {
        log().warn({ component: 'jobs', err: errorField(error) }, 'jobs worker runs at normal priority');
      }
    }
    worker.on('message', (raw: unknown) => {
      const parsed = workerMessageSchema.safeParse(raw);
      if (!parsed.success) {
        log().error({ component: 'jobs', issues: briefly(parsed.error.issues) }, 'message from the jobs worker refused');
        // A refused cache call still gets its answer, so the worker does not wait out its timeout.
        const requestId = (raw as { kind?: unknown; requestId?: unknown } | null)?.requestId;
        if ((raw as { kind?: unknown } | null)?.kind === 'cache' && typeof requestId === 'number') send({ kind: 'cache-reply', requestId, ok: false, value: null });
        return;
      }
      const message = parsed.data;
      if (message.kind === 'metrics') {
        metricsWaiters.get(message.requestId)?.(message.metrics);
        return;
      }
      // The worker's cache is this process's store (lib/cache/remote-store.ts).
      runCacheCall(cacheStore(), message.call).then(
        (value) => send({ kind: 'cache-reply', requestId: message.requestId, ok: true, value }),
        () => send({ kind: 'cache-reply', requestId: message.requestId, ok: false, value: null }),
      );
    });
    // A spawn that failed (no process) emits only 'error'; a process that ran emits 'exit'.
    worker.on('error', (error) => {
      log().error({ component: 'jobs', err: errorField(error, true) }, 'jobs worker: process error');
      if (worker.pid === undefined) end({ err: errorField(error) });
    });
    worker.once('exit', (code, signal) => end({ code, signal }));
  };

  const flush = () => {
    flushTimer = undefined;
    const ids = waiting;
    waiting = [];
    for (let at = 0; at < ids.length; at += MAX_IDS_PER_MESSAGE) send({ kind: 'committed', ids: ids.slice(at, at + MAX_IDS_PER_MESSAGE) });
  };

  const handoff: JobsHandoff = {
    committed(ids) {
      if (waiting.length + ids.length > MAX_WAITING_IDS) return;
      waiting.push(...ids);
      flushTimer ??= setTimeout(flush, BATCH_DELAY_MS);
    },
    request(event: DispatchedEvent) {
      send({ kind: 'request', event });
    },
    workerMetrics() {
      const requestId = nextRequestId++;
      return new Promise((resolve) => {
        const done = (metrics: unknown[] | null) => {
          clearTimeout(timer);
          metricsWaiters.delete(requestId);
          resolve(metrics);
        };
        const timer = setTimeout(() => done(null), METRICS_TIMEOUT_MS);
        metricsWaiters.set(requestId, done);
        if (!send({ kind: 'metrics', requestId })) done(null);
      });
    },
  };

  start();
  return {
    handoff,
    async stop() {
      stopping = true;
      if (flushTimer) {
        clearTimeout(flushTimer);
        flush();
      }
      const worker = child;
      if (!worker || worker.exitCode !== null) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      const timeout = setTimeout(() => worker.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
    },
  };
}
