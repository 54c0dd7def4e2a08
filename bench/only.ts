import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { seedDemoHost } from '@/lib/hosts/accounts/demo-host';
import { startAppServer } from './app-server';
import { buildForBenchmark } from './build';
import { startBenchDatabase } from './database';
import { describeFirstTimes, measureFirstTimes } from './first-times';
import { runBenchMain } from './lifecycle';
import { measureScenario, type ScenarioLoad } from './load';
import { availabilityTarget, baselineTarget, checkAvailability, checkBooking, UniqueBookings } from './scenarios';
import { benchWindow, seedAvailabilityHost, seedBookingHosts } from './seed';

// `npx tsx bench/only.ts <scenario…>`: some HTTP scenarios alone, each beside the baseline on the
// same server, printed (RESULTS.md is left alone). Scenarios: cold, warm, booking, and first-times
// (Chromium: navigation to the demo host's booking page → first time button visible). For profiling,
// BENCH_CPU_PROF=<folder> starts each app server under `node --cpu-prof` (profiles written on stop).

const scenarios = ['cold', 'warm', 'booking', 'first-times'] as const;
type Scenario = (typeof scenarios)[number];

function line(name: string, load: ScenarioLoad, baseline: ScenarioLoad): string {
  const ratio = load.saturation.requestsPerSecond / baseline.saturation.requestsPerSecond;
  const f = (n: number) => n.toFixed(1);
  return `${name}: saturation ${load.saturation.requestsPerSecond.toFixed(0)}/s (${(ratio * 100).toFixed(0)} % of baseline ${baseline.saturation.requestsPerSecond.toFixed(0)}/s); p95 at 100/s ${f(load.lightRate.latencyMs.p95)} ms; p95 at 200/s ${f(load.fixedRate.latencyMs.p95)} ms; serial p50 ${f(load.serial.latencyMs.p50)} ms; non-2xx ${load.saturation.non2xx + load.fixedRate.non2xx}`;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2) as Scenario[];
  const unknown = wanted.filter((name) => !scenarios.includes(name));
  if (wanted.length === 0 || unknown.length > 0) throw new Error(`usage: bench/only.ts ${scenarios.join('|')} …`);
  const profileDir = process.env.BENCH_CPU_PROF;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  await buildForBenchmark();
  const database = await startBenchDatabase();
  console.log(`[bench] Postgres ${database.postgresVersion} (${database.source})`);
  const window = benchWindow(Date.now(), 'Europe/Berlin');
  const seeding = createDatabase(database.url, { max: 2 });
  const availabilityHost = await seedAvailabilityHost(seeding, window);
  const bookingMeetingTypeIds = await seedBookingHosts(seeding);
  await seedDemoHost(seeding);
  await seeding.execute(sql`analyze`);
  await seeding.close();

  for (const name of wanted) {
    const server = await startAppServer({ databaseUrl: database.url, nodeArgs, ...(name === 'cold' ? { slotCacheTtlSeconds: 0 } : {}) });
    if (name === 'first-times') {
      const result = await measureFirstTimes(server.baseUrl);
      console.log(result ? describeFirstTimes(result) : 'first-times: no Chromium at /usr/bin/chromium');
      await server.stop();
      continue;
    }
    const baseline = await measureScenario('baseline', baselineTarget(server.baseUrl));
    if (name === 'booking') {
      const bookings = new UniqueBookings(bookingMeetingTypeIds, window.firstDayStartMs);
      await checkBooking(server.baseUrl, bookings);
      console.log(line(name, await measureScenario(name, bookings.target(server.baseUrl)), baseline));
    } else {
      const target = availabilityTarget(server.baseUrl, availabilityHost.meetingTypeId, window);
      await checkAvailability(target);
      console.log(line(name, await measureScenario(name, target), baseline));
    }
    await server.stop();
  }
}

runBenchMain(main);
