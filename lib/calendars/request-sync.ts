import 'server-only';
import { sendRequest } from '@/lib/jobs/event-sink';
import type { EventPayload } from '@/lib/jobs/events';

// The one way a push notification, a settings change or the poll asks for a sync: the
// `calendar/sync-requested` event, handed to the job runner (the calendar-sync job,
// inngest/functions/calendar-sync.ts). On Inngest the job's concurrency and throttle apply; inline it
// runs in the background of this process, one run at a time per connection (a request during a run
// makes it run once more afterwards) and two in all, so a poll of many stale connections cannot drain
// the database pool; a sync refused for a while is asked for again after the advised delay when that
// is within a minute, else the poll takes it once it is due (inngest/inline-background.ts).

export type SyncRequest = EventPayload<'calendar/sync-requested'>;

export function requestSync(request: SyncRequest): Promise<void> {
  return sendRequest('calendar/sync-requested', request);
}
