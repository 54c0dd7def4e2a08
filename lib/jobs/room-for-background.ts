import { performance } from 'node:perf_hooks';

// Background work (inline job deliveries) gives way to requests: before each piece it samples the
// event loop briefly and, while the loop was busier than BUSY, waits for a quieter sample. So under a
// burst of bookings the replies go first and the emails follow; a piece never waits longer than
// MAX_WAIT_MS, so the backlog always moves (and what overflows the queue is swept later).

const SAMPLE_MS = 20;
const BUSY = 0.6;
const MAX_WAIT_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once the event loop has had room in a recent sample, or after MAX_WAIT_MS. */
export async function roomForBackground(): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const before = performance.eventLoopUtilization();
    await sleep(SAMPLE_MS);
    if (performance.eventLoopUtilization(before).utilization < BUSY || Date.now() >= deadline) return;
  }
}
