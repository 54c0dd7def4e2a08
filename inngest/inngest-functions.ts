import 'server-only';
import { cron, type Inngest } from 'inngest';
import { db } from '@/lib/database';
import { sweepOutbox } from '@/lib/jobs/dispatch';
import { calendarFunctions } from './calendar-functions';
import { accountEmailRequested, bookingCancelled, bookingConfirmed, bookingRescheduled, calendarReauthRequired, calendarSyncRequested, calendarSyncStopped, type DispatchedEvent, type EventName } from './events';
import { jobs } from './functions';
import type { JobDefinition } from './functions/job';

// The Inngest adapter: each job definition becomes one Inngest function with the same handler,
// plus the outbox sweeper on a cron (inline mode sweeps from its own timer instead).

const triggers = {
  'booking/confirmed': bookingConfirmed,
  'booking/cancelled': bookingCancelled,
  'booking/rescheduled': bookingRescheduled,
  'calendar/reauth-required': calendarReauthRequired,
  'calendar/sync-requested': calendarSyncRequested,
  'calendar/sync-stopped': calendarSyncStopped,
  'account/email-requested': accountEmailRequested,
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
      retries: job.retries as 8,
      ...(job.onFailure ? { onFailure: async ({ event, error }: { event: { data: { event: { id?: string; name: string; data: unknown; ts?: number } } }; error: Error }) => job.onFailure!(toDispatched(event.data.event), error) } : {}),
    },
    async ({ event, step }) =>
      job.handler({
        event: toDispatched(event),
        step: {
          run: (id, work) => step.run(id, work) as ReturnType<typeof work>,
          sleepUntil: (id, until) => step.sleepUntil(id, until),
        },
      }),
  );
}

export function inngestFunctions(client: Inngest) {
  const sweeper = client.createFunction(
    { id: 'outbox-sweep', name: 'Re-send outbox events whose dispatch after commit failed', triggers: [cron('* * * * *')], retries: 2 },
    async () => ({ dispatched: await sweepOutbox(db()) }),
  );
  return [...jobs.map((job) => toInngestFunction(client, job)), sweeper, ...calendarFunctions(client)];
}
