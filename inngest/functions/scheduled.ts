import { jobsDb } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { pollStaleConnections } from '@/lib/calendars/poll-stale';
import { renewWatchChannels } from '@/lib/calendars/push/watch-lifecycle';
import { expireDueRequests } from '@/lib/booking/expire-requests';
import { sweepOutbox } from '@/lib/jobs/dispatch';
import { sendRequest } from '@/lib/jobs/event-sink';
import { endpointsWithDueDeliveries } from '@/lib/webhooks/deliver';
import { defineScheduledJob } from './job';

// The jobs on a clock, in both modes.

export const outboxSweep = defineScheduledJob({
  id: 'outbox-sweep',
  name: 'Re-send outbox events whose dispatch after commit failed',
  cron: '* * * * *',
  retries: 2,
  handler: async () => ({ dispatched: await sweepOutbox(jobsDb()) }),
});

export const calendarPoll = defineScheduledJob({
  id: 'calendar-poll',
  name: 'Poll calendar connections that are due (fairly, with backoff); renew push channels',
  cron: '* * * * *',
  retries: 1,
  handler: async ({ step }) => {
    const deps = { database: jobsDb(), store: cacheStore() };
    return {
      polled: (await step.run('poll-stale', () => pollStaleConnections(deps))).length,
      channels: await step.run('renew-channels', () => renewWatchChannels(deps)),
    };
  },
});

export const requestExpirySweep = defineScheduledJob({
  id: 'request-expiry-sweep',
  name: 'Decline requests whose time to be answered ran out (inline, the only path; on Inngest, a safety net)',
  cron: '* * * * *',
  retries: 2,
  handler: async ({ step }) => ({ expired: await step.run('expire-due', () => expireDueRequests({ database: jobsDb(), store: cacheStore() }, Date.now())) }),
});

export const webhookRetryPoll = defineScheduledJob({
  id: 'webhook-retry-poll',
  name: 'Ask for a delivery run on every webhook endpoint with a delivery due (retries, lost requests)',
  cron: '* * * * *',
  retries: 1,
  handler: async ({ step }) => {
    const due = await step.run('find-due', () => endpointsWithDueDeliveries(jobsDb()));
    await step.run('request-runs', () => Promise.all(due.map((endpointId) => sendRequest('webhook/delivery-requested', { endpointId }))));
    return { endpoints: due.length };
  },
});
