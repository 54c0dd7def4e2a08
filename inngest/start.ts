import 'server-only';
import { db } from '@/lib/database';
import { env, jobsMode } from '@/lib/env';
import { cacheStore } from '@/lib/cache';
import { pollStaleConnections } from '@/lib/calendars/poll-stale';
import { renewWatchChannels } from '@/lib/calendars/push/watch-lifecycle';
import { connectionProvider, setSyncScheduler } from '@/lib/calendars/request-sync';
import { sweepOutbox } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { mailTransport } from '@/lib/notifications/transport';
import { INLINE_HORIZON_MS, inlineSink, resumeDueReminders } from './inline-runner';
import { sendSyncRequest } from './calendar-functions';
import { inngestClient } from './client';
import { inngestSink } from './inngest-sink';
import { errorField, log } from '@/lib/log';

// The composition root of background work, run once per server process (instrumentation.ts).
// inngest: events go to Inngest; one sweep now re-sends what a previous process left pending, and
// Inngest's cron sweeps every minute after. inline: jobs run here; every minute, starting now, one
// timer sweeps the outbox and another scans for due reminders, each skipping a turn while its last
// one still runs (so a slow sweep never delays reminders or piles up).

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
  if (mode === 'inngest') {
    installEventSink(inngestSink);
    setSyncScheduler(async (connectionId) => {
      const provider = await connectionProvider(db(), connectionId);
      if (provider) await sendSyncRequest(inngestClient(), connectionId, provider);
    });
    void sweepOutbox(db(), { graceMs: 0 }).catch((error: unknown) => log().error({ component: 'jobs', err: errorField(error, true) }, 'startup sweep failed'));
    return;
  }
  installEventSink(inlineSink);
  everyMinute('outbox sweep', () => sweepOutbox(db()));
  everyMinute('reminder scan', () => resumeDueReminders());
  // Calendars: re-poll connections not synced for 10 minutes (syncs run in this process), renew channels.
  everyMinute('calendar poll', async () => {
    const deps = { database: db(), store: cacheStore() };
    await pollStaleConnections(deps);
    await renewWatchChannels(deps);
  });
}
