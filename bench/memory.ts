import { readFileSync } from 'node:fs';
import type { AppServer } from './app-server';
import type { BenchWindow } from './seed';

// `only.ts memory`: 40,000 distinct availability queries (a one-day range on 100 dates in each of 400
// time zones) against one server, its resident memory read from /proc every 2,000 queries. Each
// query is a reply-cache miss, so the in-process caches fill to their byte budgets and must stay
// there: the growth over the server's memory before the run is compared with the budgets' sum. The
// server runs with --trace-gc, so the V8 heap left live by each full collection is read too (resident
// memory also holds the heap's headroom; typed arrays' contents live outside the V8 heap).

const QUERIES = 40_000;
const DATES = 100;
const SAMPLE_EVERY = 2_000;
const WORKERS = 8;
const MiB = 1024 * 1024;

export interface MemoryRun {
  queries: number;
  non200: number;
  budgetMiB: number;
  /** [queries sent, resident MiB] */
  samples: [number, number][];
  startMiB: number;
  maxMiB: number;
  /** (max − start) ÷ the budgets. */
  growthOverBudget: number;
  /** [queries sent, V8 heap MiB live after the last full collection] when the server runs with --trace-gc. */
  liveHeap: [number, number][];
}

/**
 * The live heap after the latest full collection in `--trace-gc` output
 * ("[pid:0xisolate] … Mark-Compact 80.1 (95.2) -> 60.3 (90.1) MB"), of the largest isolate (worker
 * threads print their own collections).
 */
function liveHeapMiB(output: string): number | undefined {
  const latest = new Map<string, number>();
  for (const match of output.matchAll(/\[(\d+:0x[0-9a-f]+)\][^\n]*?Mark-Compact[^\n]*?-> ([\d.]+) \(/g)) latest.set(match[1]!, Number(match[2]));
  return latest.size > 0 ? Math.max(...latest.values()) : undefined;
}

function residentMiB(pids: readonly number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return kib / 1024;
}

function distinctQueries(meetingTypeId: string, window: BenchWindow): string[] {
  const zones = Intl.supportedValuesOf('timeZone').slice(0, QUERIES / DATES);
  const queries: string[] = [];
  for (let day = 0; day < DATES; day++) {
    const date = new Date(window.firstDayStartMs + day * 86_400_000).toISOString().slice(0, 10);
    for (const timezone of zones) queries.push(new URLSearchParams({ meetingTypeId, start: date, end: date, timezone }).toString());
  }
  return queries;
}

export async function measureMemory(server: AppServer, meetingTypeId: string, window: BenchWindow, budgetBytes: number): Promise<MemoryRun> {
  const queries = distinctQueries(meetingTypeId, window);
  const url = (query: string) => `${server.baseUrl}/api/v1/availability?${query}`;
  // Warm the code paths (the same query, so the caches stay nearly empty), then let the heap settle.
  for (let i = 0; i < 200; i++) await (await fetch(url(queries[0]!))).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const startMiB = residentMiB(server.pids());
  const samples: [number, number][] = [[0, startMiB]];
  const liveHeap: [number, number][] = [];
  const sampleHeap = (queries: number) => {
    const live = liveHeapMiB(server.output());
    if (live !== undefined) liveHeap.push([queries, live]);
  };
  sampleHeap(0);
  let next = 0;
  let non200 = 0;
  console.log(`[bench] memory: ${queries.length} distinct queries, resident ${startMiB.toFixed(0)} MiB before…`);
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < queries.length) {
        const index = next++;
        const response = await fetch(url(queries[index]!));
        await response.arrayBuffer();
        if (response.status !== 200) non200++;
        if ((index + 1) % SAMPLE_EVERY === 0) {
          samples.push([index + 1, residentMiB(server.pids())]);
          sampleHeap(index + 1);
        }
      }
    }),
  );
  const maxMiB = Math.max(...samples.map(([, mib]) => mib));
  const budgetMiB = budgetBytes / MiB;
  return { queries: queries.length, non200, budgetMiB, samples, startMiB, maxMiB, growthOverBudget: (maxMiB - startMiB) / budgetMiB, liveHeap };
}
