import autocannon from 'autocannon';
import { assertNotStopping, isStopping, onCleanup } from './lifecycle';
import { runOpenLoop } from './open-loop';
import { type Summary, summarise } from './stats';

// autocannon, driven from this process. Latency percentiles come from every response's own timing
// (autocannon's histogram has no p95, and under a rate cap it adds coordinated-omission fill-ins).

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body for every request, when each one must be unique (bookings). */
  nextBody?: () => string;
}

export interface LoadShape {
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  overallRate?: number;
}

export interface LoadResult {
  shape: LoadShape;
  seconds: number;
  responses: number;
  requestsPerSecond: number;
  latencyMs: Summary;
  statuses: Record<string, number>;
  /** Responses outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
}

export const SATURATION: LoadShape = { connections: 50, durationSeconds: 10 };
/** Open loop (bench/open-loop.ts): evenly spaced arrivals; `connections` caps the sockets it may open. */
export const FIXED_RATE: LoadShape = { connections: 64, durationSeconds: 10, overallRate: 200 };
/** Half that offered load: one every scenario sustains with headroom (cold availability tops out near 200). */
export const LIGHT_RATE: LoadShape = { connections: 64, durationSeconds: 10, overallRate: 100 };
/** One connection, one request at a time: the service time without queueing, for reading the others. */
export const SERIAL: LoadShape = { connections: 1, durationSeconds: 3 };
export const WARM_UP_SECONDS = 2;

export function runLoad(target: LoadTarget, shape: LoadShape): Promise<LoadResult> {
  assertNotStopping();
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let unregister = () => {};
    const nextBody = target.nextBody;
    const request: autocannon.Request = {
      method: target.method ?? 'GET',
      headers: target.headers,
      ...(nextBody ? { setupRequest: (params: autocannon.RequestParams) => ({ ...params, body: nextBody() }) } : {}),
    };
    const instance = autocannon(
      {
        url: target.url,
        connections: shape.connections,
        duration: shape.durationSeconds,
        ...(shape.overallRate ? { overallRate: shape.overallRate } : {}),
        timeout: 10,
        requests: [request],
      },
      (error, result) => {
        unregister();
        if (error) return reject(error);
        if (isStopping()) return reject(new Error('the benchmark is stopping'));
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
        resolve({
          shape,
          seconds: result.duration,
          responses: latencies.length,
          requestsPerSecond: latencies.length / result.duration,
          latencyMs: summarise(latencies),
          statuses,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
    // Open connections would hold up the server's graceful shutdown on Ctrl-C.
    unregister = onCleanup('stop load generator', async () => instance.stop());
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

export interface ScenarioLoad {
  saturation: LoadResult;
  fixedRate: LoadResult;
  lightRate: LoadResult;
  serial: LoadResult;
}

/** Warm-up, saturation run, warm-up, fixed-rate run, a run at half that rate, then a short serial run (already warm). */
export async function measureScenario(name: string, target: LoadTarget): Promise<ScenarioLoad> {
  const warmUp = (shape: LoadShape) => runLoad(target, { ...shape, durationSeconds: WARM_UP_SECONDS });
  console.log(`[bench] ${name}: saturation (${SATURATION.connections} connections, ${SATURATION.durationSeconds} s)…`);
  await warmUp(SATURATION);
  await settle();
  const saturation = await runLoad(target, SATURATION);
  await settle();
  console.log(`[bench] ${name}: ${saturation.requestsPerSecond.toFixed(0)} req/s; fixed rate ${FIXED_RATE.overallRate} req/s…`);
  await runOpenLoop(target, { ...FIXED_RATE, durationSeconds: WARM_UP_SECONDS });
  await settle();
  const fixedRate = await runOpenLoop(target, FIXED_RATE);
  await settle();
  const { p50, p95, p99 } = fixedRate.latencyMs;
  console.log(`[bench] ${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ${LIGHT_RATE.overallRate} req/s…`);
  const lightRate = await runOpenLoop(target, LIGHT_RATE);
  await settle();
  console.log(`[bench] ${name}: p95 ${lightRate.latencyMs.p95.toFixed(1)} ms at ${LIGHT_RATE.overallRate} req/s; serial run…`);
  const serial = await runLoad(target, SERIAL);
  await settle();
  return { saturation, fixedRate, lightRate, serial };
}
