import 'server-only';
import { cron, type Inngest } from 'inngest';
import { accountEmailRequested, bookingCancelled, bookingConfirmed, bookingDeclined, bookingRequested, bookingNewTimeRequested, bookingNoShowMarked, bookingRescheduled, calendarReauthRequired, calendarSyncRequested, calendarSyncStopped, type DispatchedEvent, type EventName, meetingTypeCreated, meetingTypeDeleted, meetingTypeUpdated, teamInvitationRequested, teamMemberRemoved, webhookDeliveryRequested, webhookEndpointDisabled } from '@/lib/jobs/events';
import { countingJobFailures } from '@/lib/metrics/counters';
import { jobs, scheduledJobs } from './functions';
import type { JobDefinition, JobStep, ScheduledJob } from './functions/job';

// The Inngest adapter: each job definition becomes one Inngest function with the same handler; its
// concurrency, throttle and cron are the definition's data. An attempt that throws is counted
// (rendezvous_jobs_failed_total) before Inngest retries it or records the failure.

const triggers = {
  'booking/confirmed': bookingConfirmed,
  'booking/requested': bookingRequested,
  'booking/declined': bookingDeclined,
  'booking/cancelled': bookingCancelled,
  'booking/rescheduled': bookingRescheduled,
  'booking/new-time-requested': bookingNewTimeRequested,
  'booking/no-show-marked': bookingNoShowMarked,
  'calendar/reauth-required': calendarReauthRequired,
  'calendar/sync-requested': calendarSyncRequested,
  'calendar/sync-stopped': calendarSyncStopped,
  'account/email-requested': accountEmailRequested,
  'meeting-type/created': meetingTypeCreated,
  'meeting-type/updated': meetingTypeUpdated,
  'meeting-type/deleted': meetingTypeDeleted,
  'webhook/delivery-requested': webhookDeliveryRequested,
  'webhook/endpoint-disabled': webhookEndpointDisabled,
  'team/invitation-requested': teamInvitationRequested,
  'team/member-removed': teamMemberRemoved,
} as const;

function toDispatched(event: { id?: string; name: string; data: unknown; ts?: number }): DispatchedEvent {
  return { id: event.id ?? '', name: event.name as EventName, data: event.data, ts: event.ts ?? Date.now() } as DispatchedEvent;
}

function toInngestFunction(client: Inngest, job: JobDefinition) {
  return client.createFunction(
    {
      id: job.id,
      name: job.name,
      triggers: job.triggers.map((name) => triggers[name]),
      ...(job.cancelOn ? { cancelOn: job.cancelOn.map((c) => ({ event: c.event, if: c.if })) } : {}),
      ...(job.concurrency ? { concurrency: job.concurrency } : {}),
      ...(job.throttle ? { throttle: job.throttle } : {}),
      retries: job.retries as 8,
      ...(job.onFailure ? { onFailure: async ({ event, error }: { event: { data: { event: { id?: string; name: string; data: unknown; ts?: number } } }; error: Error }) => job.onFailure!(toDispatched(event.data.event), error) } : {}),
    },
    async ({ event, step }) => countingJobFailures(job.id, () => job.handler({ event: toDispatched(event), step: jobStep(step) })),
  );
}

type InngestStep = { run: (id: string, work: () => Promise<unknown>) => Promise<unknown>; sleepUntil: (id: string, until: Date) => Promise<unknown> };

function jobStep(step: InngestStep): JobStep {
  return {
    run: (id, work) => step.run(id, work) as ReturnType<typeof work>,
    sleepUntil: async (id, until) => {
      await step.sleepUntil(id, until);
    },
  };
}

function toScheduledFunction(client: Inngest, job: ScheduledJob) {
  return client.createFunction({ id: job.id, name: job.name, triggers: [cron(job.cron)], retries: job.retries as 8 }, async ({ step }) => countingJobFailures(job.id, () => job.handler({ step: jobStep(step) })));
}

export function inngestFunctions(client: Inngest) {
  return [...jobs.map((job) => toInngestFunction(client, job)), ...scheduledJobs.map((job) => toScheduledFunction(client, job))];
}
