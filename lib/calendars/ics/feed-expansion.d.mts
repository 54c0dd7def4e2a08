export interface ExpansionLimits {
  /** The sync window, epoch ms. */
  windowStart: number;
  windowEnd: number;
  /** VEVENTs a feed may hold; more and the feed is refused. */
  maxEvents: number;
  /** Recurrence iterations for the whole feed. */
  iterationBudget: number;
  /** Busy instances kept; the rest are dropped (truncated). */
  maxInstances: number;
}

export interface FeedInstance {
  id: string;
  start: number;
  end: number;
}

export interface SkippedEvent {
  uid: string;
  reason: string;
}

export type FeedExpansion = { error: string } | { events: FeedInstance[]; skipped: SkippedEvent[]; truncated: boolean };

export function expandFeed(text: string, limits: ExpansionLimits): FeedExpansion;
