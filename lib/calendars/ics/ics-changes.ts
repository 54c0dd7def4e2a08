import 'server-only';
import ical, { type VEvent } from 'node-ical';
import { ChangeCollector, syncWindow, type BusyChanges } from '../busy-changes';
import { fetchFeed, type FeedPolicy, feedPolicy } from './fetch-feed';

// An ICS feed as busy time: read whole every time (feeds have no cursor), recurring events expanded
// by node-ical (RRULE, EXDATE, RECURRENCE-ID overrides, TZID), within the sync window.

/** Bound on instances per feed: a FREQ=SECONDLY rule must not fill the table. */
export const MAX_FEED_INSTANCES = 20_000;

export function icsBusyChanges(text: string, now: number): BusyChanges {
  const parsed = ical.sync.parseICS(text);
  const window = syncWindow(now);
  const collector = new ChangeCollector();
  let count = 0;
  for (const component of Object.values(parsed)) {
    if (!component || component.type !== 'VEVENT') continue;
    const event = component as VEvent;
    if (event.status === 'CANCELLED' || event.transparency === 'TRANSPARENT' || !event.start) continue;
    const instances = ical.expandRecurringEvent(event, { from: window.start, to: window.end, expandOngoing: true });
    for (const instance of instances) {
      if (instance.event.status === 'CANCELLED' || instance.event.transparency === 'TRANSPARENT') continue;
      const start = new Date(instance.start);
      const end = new Date(instance.end ?? instance.start);
      if (!(end > start)) continue;
      if (++count > MAX_FEED_INSTANCES) return collector.changes(true, null);
      collector.add({ kind: 'busy', event: { id: `${event.uid}/${start.toISOString()}`.slice(0, 1024), start, end } });
    }
  }
  return collector.changes(true, null);
}

export async function fetchIcsChanges(url: string, now: number, policy: FeedPolicy = feedPolicy()): Promise<BusyChanges> {
  return icsBusyChanges(await fetchFeed(url, policy), now);
}
