import 'server-only';
import { ChangeCollector, syncWindow, type BusyChanges } from '../busy-changes';
import { fetchFeed, type FeedPolicy, feedPolicy } from './fetch-feed';
import { parseFeed } from './parse-feed';

// An ICS feed as busy time: read whole every time (feeds have no cursor), parsed and expanded in a
// worker thread (parse-feed.ts) within the sync window. What the budgets left out is the warning.

export async function fetchIcsChanges(url: string, now: number, policy: FeedPolicy = feedPolicy()): Promise<{ changes: BusyChanges; warning: string | null }> {
  const text = await fetchFeed(url, policy);
  const { events, warning } = await parseFeed(text, syncWindow(now));
  const collector = new ChangeCollector();
  for (const event of events) collector.add({ kind: 'busy', event });
  return { changes: collector.changes(true, null), warning };
}
