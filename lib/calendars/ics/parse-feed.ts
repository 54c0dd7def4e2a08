import 'server-only';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { ExpansionLimits, FeedExpansion } from './feed-expansion.mjs';

// Feeds are parsed and expanded off the event loop: each in its own worker thread with a memory
// cap, terminated when its wall-clock budget runs out, and at most (cores − 1, at least 1) at
// once so requests keep a core. The worker file is plain JavaScript loaded by absolute path from
// the checkout, outside the Next.js bundle, so `next start`, `next dev` and vitest run the same file.

export const FEED_PARSE_BUDGET_MS = 10_000;
export const MAX_FEED_EVENTS = 10_000;
/** About 2 s of rrule-temporal work under load; non-COUNT rules are charged per instance, so it matches the instance cap. */
export const FEED_ITERATION_BUDGET = 20_000;
/** Bound on instances per feed: a FREQ=SECONDLY rule must not fill the table. */
export const MAX_FEED_INSTANCES = 20_000;
const WORKER_MEMORY_MB = 384;

const workerFile = () => join(process.cwd(), 'lib', 'calendars', 'ics', 'feed-worker.mjs');
const limit = pLimit(Math.max(1, availableParallelism() - 1));

export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

function runWorker(text: string, limits: ExpansionLimits, budgetMs: number): Promise<FeedExpansion> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: { text, limits }, resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new FeedParseError(`Reading the feed took longer than ${budgetMs / 1000} seconds.`));
    }, budgetMs);
    const settle = () => clearTimeout(timer);
    worker.once('message', (result: FeedExpansion) => {
      settle();
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settle();
      reject(new FeedParseError(/memory/i.test(error.message) ? 'The feed needs too much memory to read.' : `The feed could not be read: ${error.message.slice(0, 200)}`));
    });
    worker.once('exit', () => {
      settle();
      reject(new FeedParseError('The feed could not be read.'));
    });
  });
}

export interface ParsedFeed {
  events: { id: string; start: Date; end: Date }[];
  /** What was left out, in words (skipped events, truncation); null when nothing was. */
  warning: string | null;
}

function describeOmissions(expansion: Extract<FeedExpansion, { events: unknown }>): string | null {
  const parts: string[] = [];
  if (expansion.skipped.length > 0) {
    const named = expansion.skipped.slice(0, 3).map((s) => `${s.uid} (${s.reason})`).join(', ');
    parts.push(`${expansion.skipped.length} event${expansion.skipped.length === 1 ? ' was' : 's were'} skipped: ${named}${expansion.skipped.length > 3 ? ', …' : ''}`);
  }
  if (expansion.truncated) parts.push(`only the first ${MAX_FEED_INSTANCES} busy times were read`);
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}

/** Resolves only with a usable expansion; a refused or failed feed throws FeedParseError. */
export async function parseFeed(text: string, window: { start: Date; end: Date }, budgetMs = FEED_PARSE_BUDGET_MS): Promise<ParsedFeed> {
  const limits: ExpansionLimits = { windowStart: window.start.getTime(), windowEnd: window.end.getTime(), maxEvents: MAX_FEED_EVENTS, iterationBudget: FEED_ITERATION_BUDGET, maxInstances: MAX_FEED_INSTANCES };
  const expansion = await limit(() => runWorker(text, limits, budgetMs));
  if ('error' in expansion) throw new FeedParseError(expansion.error);
  return {
    events: expansion.events.map((e) => ({ id: e.id, start: new Date(e.start), end: new Date(e.end) })),
    warning: describeOmissions(expansion),
  };
}
