import { RetryAfterError } from 'inngest';
import { jobsDb } from '@/lib/database';
import { sendRequest } from '@/lib/jobs/event-sink';
import { sendWebhookDisabled } from '@/lib/notifications/send-webhook-notice';
import { deliverDueForEndpoint, type EndpointRunReport } from '@/lib/webhooks/deliver';
import { fanOutEvent, webhookSourceEvents } from '@/lib/webhooks/fan-out';
import { defineJob } from './job';

// Webhooks from the outbox: an event becomes delivery rows (fast, database only), then each endpoint
// with one is asked for a delivery run. The run is a request (a poll repeats a lost one), one at a
// time per endpoint, so a slow receiver holds up only itself and never the outbox or the emails.

export const webhookFanOut = defineJob({
  id: 'webhook-fan-out',
  name: 'Record the webhook deliveries of a booking or meeting type event',
  triggers: webhookSourceEvents,
  retries: 8,
  handler: async ({ event, step }) => {
    const endpointIds = await step.run('record-deliveries', () => fanOutEvent(jobsDb(), event));
    if (endpointIds.length > 0) await step.run('request-delivery', () => Promise.all(endpointIds.map((endpointId) => sendRequest('webhook/delivery-requested', { endpointId }))));
    return { endpoints: endpointIds.length };
  },
});

/** Retries due within this long are waited for by the run itself (the 5-second one); later ones by the poll. */
const WAIT_FOR_RETRY_MS = 60_000;

async function deliverStep(endpointId: string): Promise<EndpointRunReport> {
  const report = await deliverDueForEndpoint(jobsDb(), endpointId);
  const wait = report.nextAttemptAt ? report.nextAttemptAt.getTime() - Date.now() : null;
  if (wait !== null && wait <= WAIT_FOR_RETRY_MS) throw new RetryAfterError(`webhook retry for endpoint ${endpointId} is due soon`, Math.max(1_000, wait));
  return report;
}

export const webhookDelivery = defineJob({
  id: 'webhook-delivery',
  name: 'Send an endpoint’s due webhook deliveries',
  triggers: ['webhook/delivery-requested'],
  concurrency: { key: 'event.data.endpointId', limit: 1 },
  // Mostly waiting on receivers: 8 endpoints at once, so slow receivers do not queue the others (and never the calendar syncs).
  inlineRuns: 8,
  retries: 3,
  handler: ({ event, step }) => step.run('deliver-due', () => deliverStep(event.data.endpointId)),
});

export const webhookDisabledEmail = defineJob({
  id: 'webhook-disabled-email',
  name: 'Tell a host a webhook endpoint was turned off after 3 days of failures',
  triggers: ['webhook/endpoint-disabled'],
  retries: 8,
  handler: async ({ event, step }) => step.run('email-host', () => sendWebhookDisabled(jobsDb(), event, event.data)),
});
