import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { seedDemoHost } from '@/lib/hosts/accounts/demo-host';
import { startAppServer } from './app-server';
import { buildForBenchmark } from './build';
import { type CpuCost, measureCpuCost } from './cpu-cost';
import { startBenchDatabase } from './database';
import { describeFirstTimes, measureFirstTimes } from './first-times';
import { runBenchMain } from './lifecycle';
import { measureScenario, type ScenarioLoad } from './load';
import { measureMemory } from './memory';
import { measureWebhookFanOut } from './webhooks';
import { availabilityTarget, baselineTarget, checkAvailability, checkBooking, UniqueBookings } from './scenarios';
import { benchWindow, seedAvailabilityHost, seedBookingHosts } from './seed';
import { measureTeamCold, measureTeamWarm, renderTeamSection, seedTeam, type TeamSeed } from './teams';

// `npx tsx bench/only.ts <scenario…>`: some HTTP scenarios alone, each beside the baseline on the
// same server, printed (RESULTS.md is left alone). Scenarios: cold, warm, booking, first-times
// (Chromium: navigation to the demo host's booking page → first time button visible), webhooks (fan-out
// at 20 bookings/s to 3 endpoints per host: booking reply p95 and delivery p95), teams (a 10-member
// round robin: cold p95 at 20 req/s on a TTL-0 server, warm beside the single-host warm), and memory
// (40,000 distinct availability queries; the server's resident memory against its cache budgets). For profiling,
// BENCH_CPU_PROF=<folder> starts each app server under `node --cpu-prof` (profiles written on stop).
// `--cost`: CPU time per request (app server and its Postgres backends) instead of the load runs, a
// measure that holds on a machine shared with other work (bench/cpu-cost.ts).

const scenarios = ['cold', 'warm', 'booking', 'first-times', 'memory', 'webhooks', 'teams'] as const;
type Scenario = (typeof scenarios)[number];

function line(name: string, load: ScenarioLoad, baseline: ScenarioLoad): string {
  const ratio = load.saturation.requestsPerSecond / baseline.saturation.requestsPerSecond;
  const f = (n: number) => n.toFixed(1);
  return `${name}: saturation ${load.saturation.requestsPerSecond.toFixed(0)}/s (${(ratio * 100).toFixed(0)} % of baseline ${baseline.saturation.requestsPerSecond.toFixed(0)}/s); p95 at 100/s ${f(load.lightRate.latencyMs.p95)} ms; p95 at 200/s ${f(load.fixedRate.latencyMs.p95)} ms; serial p50 ${f(load.serial.latencyMs.p50)} ms; non-2xx ${load.saturation.non2xx + load.fixedRate.non2xx}`;
}

function costLine(name: string, cost: CpuCost, baseline: CpuCost): string {
  const f = (n: number) => n.toFixed(2);
  return `${name}: CPU per request ${f(cost.totalMs)} ms (app ${f(cost.appMs)}, Postgres ${f(cost.postgresMs)}) over ${cost.requests} requests, ${(cost.totalMs / baseline.totalMs).toFixed(1)}× the baseline's ${f(baseline.totalMs)} ms (app ${f(baseline.appMs)}); non-2xx ${cost.non2xx}`;
}

async function main(): Promise<void> {
  const costOnly = process.argv.includes('--cost');
  const wanted = process.argv.slice(2).filter((arg) => arg !== '--cost') as Scenario[];
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
  const team: TeamSeed | null = wanted.includes('teams') ? await seedTeam(seeding, window) : null;
  await seeding.execute(sql`analyze`);
  await seeding.close();

  for (const name of wanted) {
    if (name === 'teams' && team && costOnly) {
      // CPU per request, which holds on a shared machine: the team's cold and warm answers beside the single host's.
      for (const ttl of [0, undefined]) {
        const server = await startAppServer({ databaseUrl: database.url, nodeArgs, ...(ttl === 0 ? { slotCacheTtlSeconds: 0 } : {}) });
        const label = ttl === 0 ? 'cold' : 'warm';
        const baseline = await measureCpuCost('baseline', baselineTarget(server.baseUrl), server, database.url);
        const single = availabilityTarget(server.baseUrl, availabilityHost.meetingTypeId, window);
        const teamTarget = availabilityTarget(server.baseUrl, team.meetingTypeId, window);
        await checkAvailability(single);
        await checkAvailability(teamTarget);
        console.log(costLine(`single host ${label}`, await measureCpuCost(`single host ${label}`, single, server, database.url), baseline));
        console.log(costLine(`team ${label}`, await measureCpuCost(`team ${label}`, teamTarget, server, database.url), baseline));
        await server.stop();
      }
      continue;
    }
    if (name === 'teams' && team) {
      const coldServer = await startAppServer({ databaseUrl: database.url, nodeArgs, slotCacheTtlSeconds: 0 });
      const cold = await measureTeamCold(coldServer.baseUrl, team, window);
      await coldServer.stop();
      const server = await startAppServer({ databaseUrl: database.url, nodeArgs });
      const baseline = await measureScenario('baseline', baselineTarget(server.baseUrl));
      const singleTarget = availabilityTarget(server.baseUrl, availabilityHost.meetingTypeId, window);
      await checkAvailability(singleTarget);
      const singleWarm = await measureScenario('warm', singleTarget);
      const warm = await measureTeamWarm(server.baseUrl, team, window);
      await server.stop();
      console.log(renderTeamSection({ seed: team, cold, warm }, baseline, singleWarm).join('\n'));
      continue;
    }
    const serverArgs = name === 'memory' ? [...nodeArgs, '--trace-gc'] : nodeArgs;
    const server = await startAppServer({
      databaseUrl: database.url,
      nodeArgs: serverArgs,
      ...(name === 'cold' ? { slotCacheTtlSeconds: 0 } : {}),
      ...(name === 'webhooks' ? { env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: '1', ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: '1' } } : {}),
    });
    if (name === 'webhooks') {
      const run = await measureWebhookFanOut(server.baseUrl, database.url, new UniqueBookings(bookingMeetingTypeIds, window.firstDayStartMs), bookingMeetingTypeIds);
      const f = (n: number) => n.toFixed(1);
      console.log(
        `webhooks: ${run.bookings} bookings, booking reply p95 ${f(run.offered.latencyMs.p95)} ms (p50 ${f(run.offered.latencyMs.p50)}; control without endpoints p95 ${f(run.control.latencyMs.p95)}, p50 ${f(run.control.latencyMs.p50)}); delivery p95 ${f(run.latencyMs.p95)} ms (p50 ${f(run.latencyMs.p50)}, max ${f(run.maxMs)}); ${run.delivered} of ${run.expected} delivered, ${run.repeats} repeats`,
      );
      await server.stop();
      continue;
    }
    if (name === 'memory') {
      // The app's default budgets (lib/env.ts): the reply cache and the in-process cache store.
      const run = await measureMemory(server, availabilityHost.meetingTypeId, window, (32 + 64) * 1024 * 1024);
      console.log(`memory: resident ${run.samples.map(([queries, mib]) => `${queries}: ${mib.toFixed(0)}`).join(', ')} MiB`);
      console.log(`memory: V8 heap live after full GC ${run.liveHeap.map(([queries, mib]) => `${queries}: ${mib.toFixed(0)}`).join(', ')} MiB`);
      console.log(
        `memory: ${run.queries} distinct queries (non-200 ${run.non200}); resident ${run.startMiB.toFixed(0)} MiB before, at most ${run.maxMiB.toFixed(0)} MiB: growth ${(run.maxMiB - run.startMiB).toFixed(0)} MiB = ${run.growthOverBudget.toFixed(2)}× the ${run.budgetMiB} MiB of cache budgets (target ≤ 1.5×)`,
      );
      await server.stop();
      continue;
    }
    if (name === 'first-times') {
      const result = await measureFirstTimes(server.baseUrl);
      console.log(result ? describeFirstTimes(result) : 'first-times: no Chromium at /usr/bin/chromium');
      await server.stop();
      continue;
    }
    let target;
    if (name === 'booking') {
      const bookings = new UniqueBookings(bookingMeetingTypeIds, window.firstDayStartMs);
      await checkBooking(server.baseUrl, bookings);
      target = bookings.target(server.baseUrl);
    } else {
      target = availabilityTarget(server.baseUrl, availabilityHost.meetingTypeId, window);
      await checkAvailability(target);
    }
    if (costOnly) {
      const baseline = await measureCpuCost('baseline', baselineTarget(server.baseUrl), server, database.url);
      console.log(costLine(name, await measureCpuCost(name, target, server, database.url), baseline));
    } else {
      const baseline = await measureScenario('baseline', baselineTarget(server.baseUrl));
      console.log(line(name, await measureScenario(name, target), baseline));
    }
    await server.stop();
  }
}

runBenchMain(main);
