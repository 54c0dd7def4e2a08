import 'server-only';
import { cron, type Inngest, RetryAfterError } from 'inngest';
import { db } from '@/lib/database';
import { cacheStore } from '@/lib/cache';
import { pollStaleConnections } from '@/lib/calendars/poll-stale';
import { renewWatchChannels } from '@/lib/calendars/push/watch-lifecycle';
import { runConnectionSync, type SyncOutcome } from '@/lib/calendars/sync-connection';
import { calendarSyncRequested } from './events';

// Calendar work that only Inngest schedules (inline mode runs the same lib functions from
// inngest/start.ts): one sync at a time per connection, throttled per provider so a burst of
// push notifications stays inside Google's and Graph's quotas; a cron that re-polls and renews.

const deps = () => ({ database: db(), store: cacheStore() });

/**
 * The sync step: a transient failure (throttled, unreachable) throws RetryAfterError with the
 * delay the provider advised (or the backoff), so Inngest retries the step then, not at once.
 * Past the last retry the connection's next_sync_at still brings it back through the poll.
 */
export async function syncStep(connectionId: string): Promise<SyncOutcome> {
  const report = await runConnectionSync(deps(), connectionId);
  if (report.outcome === 'retry' && report.retryInMs !== null) throw new RetryAfterError(`calendar sync of ${connectionId} was refused for now`, report.retryInMs);
  return report.outcome;
}

export function calendarFunctions(client: Inngest) {
  const sync = client.createFunction(
    {
      id: 'calendar-sync',
      name: 'Read a calendar connection’s changes into external_busy',
      triggers: [calendarSyncRequested],
      concurrency: { key: 'event.data.connectionId', limit: 1 },
      throttle: { key: 'event.data.provider', limit: 20, period: '1s', burst: 20 },
      retries: 4,
    },
    async ({ event, step }) => step.run('sync', () => syncStep(event.data.connectionId)),
  );
  const poll = client.createFunction(
    { id: 'calendar-poll', name: 'Poll calendar connections that are due (fairly, with backoff); renew push channels', triggers: [cron('* * * * *')], retries: 1 },
    async ({ step }) => ({
      polled: (await step.run('poll-stale', () => pollStaleConnections(deps()))).length,
      channels: await step.run('renew-channels', () => renewWatchChannels(deps())),
    }),
  );
  return [sync, poll];
}

/** JOBS=inngest: a sync request is an event; Inngest applies the concurrency key and throttle. */
export async function sendSyncRequest(client: Inngest, connectionId: string, provider: 'google' | 'microsoft' | 'ics'): Promise<void> {
  await client.send({ name: 'calendar/sync-requested', data: { connectionId, provider } });
}
