// @ts-check
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { expandFeed } from './feed-expansion.mjs';

// One feed per worker thread: parse-feed.ts starts it with the text and the limits, and terminates
// it when its time is up. An exception becomes an answer, so the parent never waits for 'exit'.

// Lowest CPU priority for this thread only (Linux keeps nice values per thread), so on a busy
// machine the request thread wins the core and a feed takes longer instead. Elsewhere, best effort.
try {
  setPriority(19);
} catch {
  // not permitted here: the time budget still bounds the work
}

try {
  parentPort?.postMessage(expandFeed(workerData.text, workerData.limits));
} catch (error) {
  parentPort?.postMessage({ error: `The feed could not be read: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}` });
}
