import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Heap measurement for tests of the caches' byte estimates: what filling a cache really cost.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function liveBytes(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** The heap (JS objects and array buffers) that `fill` leaves behind, after garbage collection; the caller keeps what it filled referenced. */
export async function heapGrowth(fill: () => Promise<void>): Promise<number> {
  const before = liveBytes();
  await fill();
  return liveBytes() - before;
}
