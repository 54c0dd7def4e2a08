import 'server-only';
import { jobsDb } from '@/lib/database';
import { env, jobsMode } from '@/lib/env';
import { sweepOutbox } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { installedJobsHandoff, isJobsWorkerProcess } from '@/lib/jobs/handoff';
import { mailTransport } from '@/lib/notifications/transport';
import { scheduledJobs } from './functions';
import { INLINE_HORIZON_MS, inlineSink, resumeDueReminders, runScheduledJob } from './inline-runner';
import { inngestSink } from './inngest-sink';
import { listenToServer } from './worker-channel';
import { errorField, log } from '@/lib/log';

// The composition root of background work, run once per server process (instrumentation.ts).
// inngest: events go to Inngest; one sweep now re-sends what a previous process left pending, and
// the scheduled jobs (inngest/functions/scheduled.ts) run on Inngest's cron. inline: jobs run here;
// every minute, starting now, each scheduled job runs on its own timer, and another scans for due
// reminders, each skipping a turn while its last one still runs (so a slow sweep never delays
// reminders or piles up). inline with a jobs worker (`npm start`, lib/jobs/handoff.ts): the server
// process runs none of this and hands its work over; the worker process does all of the above.

const holder = globalThis as unknown as { __rendezvousJobsStarted?: boolean };

function everyMinute(name: string, work: () => Promise<unknown>): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (error) {
      log().error({ component: 'jobs', task: name, err: errorField(error, true) }, `${name} failed; the next minute retries`);
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), INLINE_HORIZON_MS).unref();
  void tick();
}

export function startJobs(): void {
  if (holder.__rendezvousJobsStarted) return;
  holder.__rendezvousJobsStarted = true;
  const mode = jobsMode();
  const mail = mailTransport().kind;
  log().info({ component: 'jobs', mode, mail }, `background jobs: ${mode}; mail: ${mail === 'capture' ? 'captured (see /dev/mail)' : 'Resend'}`);
  if (mail === 'capture' && env().NODE_ENV === 'production') {
    log().warn({ component: 'jobs' }, 'RESEND_API_KEY is not set: emails are recorded in email_notifications but nobody receives them.');
  }
  if (mode === 'inline' && installedJobsHandoff()) {
    log().info({ component: 'jobs', mode }, 'jobs run in the jobs worker process');
    return;
  }
  if (mode === 'inngest') {
    installEventSink(inngestSink);
    void sweepOutbox(jobsDb(), { graceMs: 0 }).catch((error: unknown) => log().error({ component: 'jobs', err: errorField(error, true) }, 'startup sweep failed'));
    return;
  }
  installEventSink(inlineSink);
  if (isJobsWorkerProcess()) listenToServer();
  for (const job of scheduledJobs) {
    if (job.cron !== '* * * * *') throw new Error(`${job.id}: inline jobs run every minute; cron ${String(job.cron)} is not supported`);
    everyMinute(job.id, () => runScheduledJob(job));
  }
  everyMinute('reminder scan', () => resumeDueReminders());
}
