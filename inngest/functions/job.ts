import type { DispatchedEvent, EventName } from '@/lib/jobs/events';

// A job is a definition (id, triggers, a handler written against a small step API); one adapter turns
// it into an Inngest function (inngest/inngest-functions.ts), another runs it in the app process
// (inngest/inline-runner.ts). The handler is the same code in both modes.

export interface JobStep {
  /** A unit of work that is retried on failure and, on Inngest, never re-run once it succeeded. */
  run<T>(id: string, work: () => Promise<T>): Promise<T>;
  /** Durable on Inngest; inline, a sleep far ahead ends the run and the work is found again from the database. */
  sleepUntil(id: string, until: Date): Promise<void>;
}

export interface JobContext<N extends EventName> {
  event: DispatchedEvent<N>;
  step: JobStep;
}

/** How many runs at once share a key (an expression over the event, e.g. `event.data.connectionId`). */
export interface JobConcurrency {
  key: string;
  limit: number;
}

/** At most `limit` run starts per `period` per key; `burst` may start at once. */
export interface JobThrottle {
  key: string;
  limit: number;
  period: `${number}s` | `${number}m`;
  burst?: number;
}

export interface JobDefinition<N extends EventName = EventName> {
  id: string;
  name: string;
  triggers: readonly N[];
  /**
   * On Inngest, as given. Inline, such a job runs in the background, one run per key at a time and a
   * few in all (inngest/inline-background.ts), so only requests (sendRequest) may trigger it, never
   * an outbox event, whose row must stay pending until its jobs finished.
   */
  concurrency?: JobConcurrency;
  throttle?: JobThrottle;
  /** Inline only, with a concurrency key: runs at once in a pool of the job's own instead of the shared two (jobs that mostly wait on others' servers). */
  inlineRuns?: number;
  /** Inngest ends a sleeping run when a matching event arrives (`event` is the run's, `async` the new one). */
  cancelOn?: readonly { event: EventName; if: string }[];
  /** Retries per step on Inngest (with its exponential backoff). */
  retries: number;
  handler(context: JobContext<N>): Promise<unknown>;
  /** On Inngest, after the last retry failed: record what will now never happen. */
  onFailure?(event: DispatchedEvent<N>, error: Error): Promise<void>;
}

export function defineJob<N extends EventName>(definition: JobDefinition<N>): JobDefinition<N> {
  return definition;
}

/**
 * A job on a clock: an Inngest cron function, or inline a timer in the app process. Inline runs every
 * minute, so only `* * * * *` is accepted (inngest/start.ts refuses another at startup).
 */
export interface ScheduledJob {
  id: string;
  name: string;
  cron: '* * * * *';
  retries: number;
  handler(context: { step: JobStep }): Promise<unknown>;
}

export function defineScheduledJob(definition: ScheduledJob): ScheduledJob {
  return definition;
}

/** One step per recipient, so a retry after the invitee's email never touches it again. */
export async function emailBoth<T>(step: JobStep, send: (recipient: 'invitee' | 'host') => Promise<T>): Promise<{ invitee: T; host: T }> {
  return {
    invitee: await step.run('email-invitee', () => send('invitee')),
    host: await step.run('email-host', () => send('host')),
  };
}
