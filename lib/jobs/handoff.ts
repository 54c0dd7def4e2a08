import { z } from 'zod';
import { cacheCallSchema } from '@/lib/cache/remote-store';
import { type DispatchedEvent, type EventName, eventSchemas } from '@/lib/jobs/events';

// JOBS=inline under `npm start`: the server process answers requests and a second process, the jobs
// worker (scripts/jobs-worker.ts), runs every job at a lower CPU priority, so mail rendering and
// calendar writes never take a request's CPU. The server hands work over instead of running it: the
// ids of outbox rows it committed (the worker claims and runs them; a hand-off lost while the worker
// restarts is found by the worker's sweeps, since the rows stay pending) and requests for work a
// poll repeats (calendar sync, webhook delivery runs). Installed by scripts/serve.ts before Next.js
// loads, on globalThis because the app's bundles and the script share nothing else.

export interface JobsHandoff {
  /** Outbox rows just committed: the worker claims and runs them. Never throws, never waits. */
  committed(ids: readonly string[]): void;
  /** A request for work a poll repeats anyway (sendRequest). Never throws, never waits. */
  request(event: DispatchedEvent): void;
  /** The worker's Prometheus registry as JSON (prom-client's getMetricsAsJSON), or null if it did not answer in time. */
  workerMetrics(): Promise<unknown[] | null>;
}

const holder = globalThis as unknown as { __rendezvousJobsHandoff?: JobsHandoff; __rendezvousJobsWorker?: boolean };

export function installJobsHandoff(handoff: JobsHandoff | undefined): void {
  holder.__rendezvousJobsHandoff = handoff;
}

/** Set in the server process when a jobs worker runs its jobs. */
export function installedJobsHandoff(): JobsHandoff | undefined {
  return holder.__rendezvousJobsHandoff;
}

/** Called by scripts/jobs-worker.ts before Next.js loads: this process is the jobs worker. */
export function markJobsWorkerProcess(): void {
  holder.__rendezvousJobsWorker = true;
}

export function isJobsWorkerProcess(): boolean {
  return holder.__rendezvousJobsWorker === true;
}

export const MAX_IDS_PER_MESSAGE = 1_000;

/** Enough of a zod error to log: where and what, briefly (an enum's message lists every option). */
export const briefly = (issues: readonly { path: PropertyKey[]; message: string }[]) => issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message.slice(0, 80)}`);

const requestId = z.number().int().nonnegative();

/** What the server sends the worker over the IPC channel, checked on arrival like any boundary. */
export const handoffMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('committed'), ids: z.array(z.uuid()).min(1).max(MAX_IDS_PER_MESSAGE) }),
  z.object({
    kind: z.literal('request'),
    event: z.object({ id: z.string().min(1).max(100), name: z.enum(Object.keys(eventSchemas) as [EventName, ...EventName[]]), data: z.unknown(), ts: z.number() }),
  }),
  z.object({ kind: z.literal('metrics'), requestId }),
  /** The answer to a `cache` call of the worker's: its value, or that it failed. */
  z.object({ kind: z.literal('cache-reply'), requestId, ok: z.boolean(), value: z.unknown() }),
]);
export type HandoffMessage = z.infer<typeof handoffMessageSchema>;

/** What the worker sends the server: its registry for a scrape, and calls on the server's cache store. */
export const workerMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('metrics'), requestId, metrics: z.array(z.unknown()) }),
  z.object({ kind: z.literal('cache'), requestId, call: cacheCallSchema }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

