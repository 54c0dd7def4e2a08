import { RetryAfterError } from 'inngest';
import { jobsDb } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { runConnectionSync, type SyncOutcome } from '@/lib/calendars/sync-connection';
import { defineJob } from './job';

// A connection's changes into external_busy, on Inngest: one sync at a time per connection, throttled
// per provider so a burst of push notifications stays inside Google's and Graph's quotas. Inline, the
// same job runs in the background, one at a time per connection (inngest/inline-background.ts).

/**
 * The sync step: a transient failure (throttled, unreachable) throws RetryAfterError with the
 * delay the provider advised (or the backoff), so Inngest retries the step then, not at once.
 * Past the last retry the connection's next_sync_at still brings it back through the poll.
 */
export async function syncStep(connectionId: string): Promise<SyncOutcome> {
  const report = await runConnectionSync({ database: jobsDb(), store: cacheStore() }, connectionId);
  if (report.outcome === 'retry' && report.retryInMs !== null) throw new RetryAfterError(`calendar sync of ${connectionId} was refused for now`, report.retryInMs);
  return report.outcome;
}

export const calendarSync = defineJob({
  id: 'calendar-sync',
  name: 'Read a calendar connection’s changes into external_busy',
  triggers: ['calendar/sync-requested'],
  concurrency: { key: 'event.data.connectionId', limit: 1 },
  throttle: { key: 'event.data.provider', limit: 20, period: '1s', burst: 20 },
  retries: 4,
  handler: ({ event, step }) => step.run('sync', () => syncStep(event.data.connectionId)),
});
