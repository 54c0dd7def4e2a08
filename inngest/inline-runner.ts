import 'server-only';
import { RetryAfterError } from 'inngest';
import { jobsDb } from '@/lib/database';
import type { EventSink } from '@/lib/jobs/event-sink';
import { findDueReminders } from '@/lib/notifications/due-reminders';
import type { DispatchedEvent } from '@/lib/jobs/events';
import { jobs } from './functions';
import { bookingReminders } from './functions/booking-reminders';
import { concurrencyKey, runInBackground } from './inline-background';
import type { JobDefinition, JobStep, ScheduledJob } from './functions/job';
import { errorField, log } from '@/lib/log';
import { countingJobFailures, countJobFailure } from '@/lib/metrics/counters';

// JOBS=inline: the same job handlers, run in the app process when dispatch hands an event over.
// Nothing lives only in memory: a step that fails leaves the outbox row pending (the sweeper runs it
// again), and a sleep ends the run unless it is due within the scan horizon: the reminder scan
// finds the rest again from the database. A job with a concurrency key (calendar sync) is asked for
// by requests, never outbox rows, and runs in the background (inline-background.ts).

/** Sleeps up to this long are kept as a timer; the reminder scan looks this far ahead each minute. */
export const INLINE_HORIZON_MS = 60_000;
const STEP_ATTEMPTS = 3;
const STEP_BACKOFF_MS = [500, 2_000];

class Parked extends Error {}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `maxSleepMs`: dispatch parks every future sleep (it holds an outbox row); the scan waits out short ones. */
const inlineStep = (maxSleepMs: number): JobStep => ({
  async run(id, work) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        // RetryAfterError says when trying again makes sense: never sooner.
        if (attempt >= STEP_ATTEMPTS || error instanceof RetryAfterError) throw error;
        log().warn({ component: 'jobs', step: id, attempt, error: error instanceof Error ? error.message : String(error) }, 'job step failed, retrying');
        await pause(STEP_BACKOFF_MS[attempt - 1] ?? 2_000);
      }
    }
  },
  async sleepUntil(_id, until) {
    const wait = until.getTime() - Date.now();
    if (wait <= 0) return;
    if (wait > maxSleepMs) throw new Parked();
    await pause(wait);
  },
});

async function runJob(job: JobDefinition, event: DispatchedEvent, maxSleepMs: number): Promise<void> {
  try {
    await job.handler({ event, step: inlineStep(maxSleepMs) });
  } catch (error) {
    if (error instanceof Parked) return;
    countJobFailure(job.id);
    throw error;
  }
}

/** One turn of a job on a clock, with the same step retries as event jobs. */
export function runScheduledJob(job: ScheduledJob): Promise<unknown> {
  return countingJobFailures(job.id, () => job.handler({ step: inlineStep(0) }));
}

/**
 * Runs every job the event triggers, side by side (no job relies on another's order: functions/index.ts),
 * so the webhook fan-out does not wait for the confirmation's calendar write and emails; throws
 * (keeping the outbox row pending) if any step failed for good.
 */
export const inlineSink: EventSink = {
  async deliver(event) {
    const runs: Promise<void>[] = [];
    for (const job of jobs) {
      if (!job.triggers.includes(event.name)) continue;
      if (job.concurrency) {
        const pool = job.inlineRuns ? { name: job.id, runs: job.inlineRuns } : undefined;
        runInBackground(concurrencyKey(job.id, job.concurrency, event), () => runJob(job, event, 0), INLINE_HORIZON_MS, pool);
      } else runs.push(runJob(job, event, 0));
    }
    const failure = (await Promise.allSettled(runs)).find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  },
};

// Runs waiting on a short timer, so a scan a minute later does not start a second one.
const waiting = new Set<string>();
const MAX_WAITING = 1_000;

/** One reminder scan: resumes the reminder job of each booking with a reminder due within the horizon. */
export async function resumeDueReminders(now = new Date()): Promise<number> {
  const due = await findDueReminders(jobsDb(), now, INLINE_HORIZON_MS);
  let started = 0;
  for (const booking of due) {
    if (waiting.has(booking.bookingId) || waiting.size >= MAX_WAITING) continue;
    waiting.add(booking.bookingId);
    started += 1;
    const event: DispatchedEvent<'booking/confirmed'> = {
      id: `reminders-${booking.bookingId}`,
      name: 'booking/confirmed',
      data: { bookingId: booking.bookingId, hostUserId: booking.hostUserId, meetingTypeId: booking.meetingTypeId, start: booking.start.toISOString(), end: booking.end.toISOString() },
      ts: booking.createdAt.getTime(),
    };
    void runJob(bookingReminders as unknown as JobDefinition, event, INLINE_HORIZON_MS)
      .catch((error: unknown) => log().error({ component: 'jobs', bookingId: booking.bookingId, err: errorField(error, true) }, 'reminders failed; the next scan retries'))
      .finally(() => waiting.delete(booking.bookingId));
  }
  return started;
}

/** Waits for reminder runs started by scans (tests). */
export async function settleReminderRuns(): Promise<void> {
  while (waiting.size > 0) await pause(20);
}
