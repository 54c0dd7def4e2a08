// @ts-check
import { parentPort, workerData } from 'node:worker_threads';
import { expandFeed } from './feed-expansion.mjs';

// One feed per worker thread: parse-feed.ts starts it with the text and the limits, and terminates
// it when its time is up. An exception becomes an answer, so the parent never waits for 'exit'.

try {
  parentPort?.postMessage(expandFeed(workerData.text, workerData.limits));
} catch (error) {
  parentPort?.postMessage({ error: `The feed could not be read: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}` });
}
