import http from 'node:http';
import { assertNotStopping, onCleanup } from './lifecycle';
import type { LoadResult, LoadShape, LoadTarget } from './load';
import { summarise } from './stats';

// A fixed-rate, open-loop load generator: request i is sent at start + i / rate whatever the server is
// doing, and its latency is measured from that scheduled moment, so a slow server cannot slow the
// arrivals down (no coordinated omission). autocannon's overallRate is not this: it sends each
// connection's share of a second back to back when the second starts.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `stop`: checked before each send, ends the run early. `onResponse`: each reply's scheduled moment (epoch ms) and latency. */
export interface OpenLoopControl {
  stop?: () => boolean;
  onResponse?: (scheduledEpochMs: number, latencyMs: number, status: number) => void;
}

export async function runOpenLoop(target: LoadTarget, shape: LoadShape, control: OpenLoopControl = {}): Promise<LoadResult> {
  assertNotStopping();
  const rate = shape.overallRate;
  if (!rate) throw new Error('an open-loop run needs a rate');
  const agent = new http.Agent({ keepAlive: true, maxSockets: shape.connections });
  const unregister = onCleanup('stop open-loop load', async () => agent.destroy());
  const url = new URL(target.url);
  const total = Math.round(rate * shape.durationSeconds);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let lastDone = 0;

  const send = (scheduled: number) =>
    new Promise<void>((resolve) => {
      const finish = (status: number | null) => {
        lastDone = performance.now();
        if (status === null) errors++;
        else {
          latencies.push(lastDone - scheduled);
          statuses[status] = (statuses[status] ?? 0) + 1;
          control.onResponse?.(performance.timeOrigin + scheduled, lastDone - scheduled, status);
        }
        resolve();
      };
      const request = http.request(url, { agent, method: target.method ?? 'GET', headers: target.headers, timeout: 10_000 }, (response) => {
        response.on('end', () => finish(response.statusCode ?? 0));
        response.on('error', () => finish(null));
        response.resume();
      });
      request.on('error', () => finish(null));
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.end(target.nextBody ? target.nextBody() : undefined);
    });

  const start = performance.now() + 10;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total && !control.stop?.(); i++) {
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send(scheduled));
  }
  await Promise.all(pending);
  agent.destroy();
  unregister();
  const seconds = (lastDone - start) / 1000;
  const non2xx = Object.entries(statuses).reduce((sum, [code, count]) => (code.startsWith('2') ? sum : sum + count), 0);
  return {
    shape,
    seconds,
    responses: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    latencyMs: summarise(latencies),
    statuses,
    non2xx,
    errors,
  };
}
