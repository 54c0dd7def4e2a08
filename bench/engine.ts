import { computeSlots, type Interval, type ScheduleInput } from '@/lib/scheduling';
import { randomInt, seededRandom } from './prng';
import { type Summary, summarise } from './stats';

// In-process micro-benchmark of the slot engine: a year of 15-minute candidates against 20,000 busy
// intervals. Runnable alone: `npx tsx bench/engine.ts`.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const ENGINE_SETUP = {
  timeZone: 'America/New_York',
  /** A fixed Monday, so every run scans the same year (with both DST changes in it). */
  rangeStart: Date.UTC(2026, 0, 5),
  days: 365,
  busyIntervals: 20_000,
  /** Busy events last 15–45 minutes and start on a 5-minute boundary, overlapping freely. */
  busyMinutes: { min: 15, max: 45 },
  meetingMinutes: 30,
  slotIntervalMinutes: 15,
  seed: 42,
  warmUpRuns: 10,
  runs: 50,
} as const;

export interface TimedCase {
  name: string;
  what: string;
  ms: Summary;
}

export interface EngineResult {
  slots: number;
  candidates: number;
  engine: TimedCase;
  baselines: TimedCase[];
}

function engineInput(): { input: ScheduleInput; range: Interval } {
  const setup = ENGINE_SETUP;
  const random = seededRandom(setup.seed);
  const range = { start: setup.rangeStart, end: setup.rangeStart + setup.days * DAY_MS };
  const lastStep = (setup.days * 24 * 60 - setup.busyMinutes.max) / 5;
  const busy = Array.from({ length: setup.busyIntervals }, () => {
    const start = range.start + randomInt(random, 0, lastStep) * 5 * MINUTE_MS;
    return { start, end: start + randomInt(random, setup.busyMinutes.min / 5, setup.busyMinutes.max / 5) * 5 * MINUTE_MS };
  });
  const input: ScheduleInput = {
    timeZone: setup.timeZone,
    rules: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime: '00:00', endTime: '24:00' })),
    overrides: [],
    busy,
    bookings: [],
    meetingType: {
      id: 'bench-meeting-type',
      durationMinutes: setup.meetingMinutes,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      slotIntervalMinutes: setup.slotIntervalMinutes,
      minNoticeMinutes: 0,
      maxDaysInFuture: 400,
      maxBookingsPerDay: null,
    },
    now: range.start,
  };
  return { input, range };
}

/** Times `work`; its result must be the same every run, which also keeps the JIT from dropping it. */
function time(name: string, work: () => number): Summary {
  const expected = work();
  const check = (result: number) => {
    if (result !== expected) throw new Error(`${name}: result changed between runs (${expected} → ${result})`);
  };
  for (let i = 1; i < ENGINE_SETUP.warmUpRuns; i++) check(work());
  const samples: number[] = [];
  for (let i = 0; i < ENGINE_SETUP.runs; i++) {
    const started = performance.now();
    const result = work();
    samples.push(performance.now() - started);
    check(result);
  }
  return summarise(samples);
}

export function runEngineBenchmark(): EngineResult {
  const { input, range } = engineInput();
  const stepMs = ENGINE_SETUP.slotIntervalMinutes * MINUTE_MS;
  const durationMs = ENGINE_SETUP.meetingMinutes * MINUTE_MS;
  const slots = computeSlots(input, range).length;
  const candidates = Math.ceil((range.end - range.start) / stepMs);

  const engine = time('computeSlots', () => computeSlots(input, range).length);
  const gridWalk = time('grid walk', () => {
    const out: Interval[] = [];
    for (let start = range.start; start < range.end; start += stepMs) out.push({ start, end: start + durationMs });
    return out.length;
  });
  const endpoints = Float64Array.from(input.busy.flatMap((busy) => [busy.start, busy.end]));
  const sortEndpoints = time('sort', () => Float64Array.from(endpoints).sort()[0] ?? 0);

  return {
    slots,
    candidates,
    engine: { name: 'computeSlots, one year', what: `${ENGINE_SETUP.busyIntervals.toLocaleString('en-US')} busy intervals, ${ENGINE_SETUP.timeZone}, 24/7 rules`, ms: engine },
    baselines: [
      {
        name: 'grid walk (baseline)',
        what: `emit every one of the ${candidates.toLocaleString('en-US')} grid candidates as a slot object, with no checks at all`,
        ms: gridWalk,
      },
      {
        name: 'sort busy endpoints (reference)',
        what: `copy and sort the ${endpoints.length.toLocaleString('en-US')} start/end instants of the busy intervals (Float64Array)`,
        ms: sortEndpoints,
      },
    ],
  };
}

function printEngineResult(result: EngineResult): void {
  console.log(`slots: ${result.slots} of ${result.candidates} candidates (${ENGINE_SETUP.runs} runs after ${ENGINE_SETUP.warmUpRuns} warm-up runs)`);
  for (const row of [result.engine, ...result.baselines]) {
    console.log(`${row.name.padEnd(34)} median ${row.ms.p50.toFixed(2).padStart(7)} ms   p95 ${row.ms.p95.toFixed(2).padStart(7)} ms`);
  }
}

if (require.main === module) printEngineResult(runEngineBenchmark());
