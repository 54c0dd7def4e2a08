import 'server-only';
import { db } from '@/db/client';
import { env, jobsMode } from '@/lib/env';
import { cacheStore } from '@/lib/cache';
import { pollStaleConnections } from '@/lib/calendars/poll-stale';
import { renewWatchChannels } from '@/lib/calendars/push/watch-lifecycle';
import { connectionProvider, setSyncScheduler } from '@/lib/calendars/request-sync';
import { installEventSink } from '@/lib/jobs/event-sink';
import { sweepOutbox } from '@/lib/jobs/dispatch';
import { mailTransport } from '@/lib/notifications/transport';
import { INLINE_HORIZON_MS, inlineSink, resumeDueReminders } from './inline-runner';
import { sendSyncRequest } from './calendar-functions';
import { inngestClient } from './client';
import { inngestSink } from './inngest-sink';

// The composition root of background work, run once per server process (instrumentation.ts).
// inngest: events go to Inngest; one sweep now re-sends what a previous process left pending, and
// Inngest's cron sweeps every minute after. inline: jobs run here; a timer sweeps the outbox and
// scans for due reminders every minute, starting now.

const holder = globalThis as unknown as { __rendezvousJobsTimer?: NodeJS.Timeout | 'inngest' };

async function inlineTick(): Promise<void> {
  try {
    await sweepOutbox(db());
    await resumeDueReminders();
    // Calendars: re-poll connections not synced for 10 minutes (syncs run in this process), renew channels.
    const deps = { database: db(), store: cacheStore() };
    await pollStaleConnections(deps);
    await renewWatchChannels(deps);
  } catch (error) {
    console.error('[jobs] inline tick failed; the next one retries', error);
  }
}

export function startJobs(): void {
  if (holder.__rendezvousJobsTimer) return;
  const mode = jobsMode();
  const mail = mailTransport().kind;
  console.log(`[jobs] background jobs: ${mode}; mail: ${mail === 'capture' ? 'captured (see /dev/mail)' : 'Resend'}`);
  if (mail === 'capture' && env().NODE_ENV === 'production') {
    console.warn('[jobs] RESEND_API_KEY is not set: emails are recorded in email_notifications but nobody receives them.');
  }
  if (mode === 'inngest') {
    installEventSink(inngestSink);
    setSyncScheduler(async (connectionId) => {
      const provider = await connectionProvider(db(), connectionId);
      if (provider) await sendSyncRequest(inngestClient(), connectionId, provider);
    });
    holder.__rendezvousJobsTimer = 'inngest';
    void sweepOutbox(db(), { graceSeconds: 0 }).catch((error: unknown) => console.error('[jobs] startup sweep failed', error));
    return;
  }
  installEventSink(inlineSink);
  holder.__rendezvousJobsTimer = setInterval(() => void inlineTick(), INLINE_HORIZON_MS);
  holder.__rendezvousJobsTimer.unref();
  void inlineTick();
}
