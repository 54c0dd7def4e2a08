import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { seedDemoHost } from '@/lib/hosts/accounts/demo-host';
import { bookings } from '@/db/schema';
import { startAppServer } from './app-server';
import { buildForBenchmark } from './build';
import { measureDashboard } from './dashboard';
import { seedDashboardHost } from './dashboard-seed';
import { startBenchDatabase } from './database';
import { runEngineBenchmark } from './engine';
import { describeFirstTimes, measureFirstTimes } from './first-times';
import { measureMemory } from './memory';
import { runBenchMain } from './lifecycle';
import { measureScenario } from './load';
import { measureHostileFeeds } from './hostile-feeds';
import { measureNotificationLatency } from './notifications';
import { measureWebhookFanOut } from './webhooks';
import { databaseNow, drainOutbox } from './outbox';
import { measurePageWeight, renderPageWeight } from './page-weight';
import { describeCode, describeMachine } from './machine';
import { type BenchReport, renderReport } from './report';
import { availabilityTarget, baselineTarget, checkAvailability, checkBooking, revalidationTarget, UniqueBookings } from './scenarios';
import { type BenchWindow, benchWindow, seedAvailabilityHost, seedBookingHosts } from './seed';
import { measureTeamCold, measureTeamWarm, seedTeam } from './teams';

// `npm run bench`: engine micro-benchmark, then a production build against real Postgres under load.
// Writes bench/RESULTS.md.

/** The booking load queues thousands of bookings' emails; they drain at the server's pace. */
const JOBS_DRAIN_TIMEOUT_MS = 240_000;

const resultsPath = path.join(process.cwd(), 'bench', 'RESULTS.md');

/** The hand-written profiles section (bench/only.ts + profile-top.ts), last in RESULTS.md: kept across runs. */
const PROFILES_HEADING = '## Profiles';

function keptProfilesSection(): string {
  const results = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  const start = results.indexOf(`\n${PROFILES_HEADING}\n`);
  return start < 0 ? '' : `\n\n${results.slice(start + 1).trimEnd()}\n`;
}

async function seed(databaseUrl: string, window: BenchWindow) {
  const database = createDatabase(databaseUrl, { max: 2 });
  try {
    const availabilityHost = await seedAvailabilityHost(database, window);
    const bookingMeetingTypeIds = await seedBookingHosts(database);
    const dashboardHost = await seedDashboardHost(database, Date.now());
    const team = await seedTeam(database, window);
    await seedDemoHost(database); // its booking page and embed are weighed (bench/page-weight.ts)
    await database.execute(sql`analyze`);
    return { availabilityHost, bookingMeetingTypeIds, dashboardHost, team };
  } finally {
    await database.close();
  }
}

async function countBookings(databaseUrl: string, meetingTypeIds: string[]): Promise<number> {
  const database = createDatabase(databaseUrl, { max: 1 });
  try {
    return await database.$count(bookings, inArray(bookings.meetingTypeId, meetingTypeIds));
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const code = describeCode();
  if (machine.loadAverageAtStart > machine.cores / 4) {
    console.warn(`[bench] the machine is busy (load average ${machine.loadAverageAtStart.toFixed(2)} on ${machine.cores} cores): expect low, noisy numbers`);
  }

  console.log('[bench] slot engine micro-benchmark…');
  const engine = runEngineBenchmark();
  console.log(`[bench] computeSlots, one year: median ${engine.engine.ms.p50.toFixed(2)} ms, ${engine.slots} slots`);

  const build = await buildForBenchmark();
  const database = await startBenchDatabase();
  const window = benchWindow(Date.now(), 'Europe/Berlin');
  const { availabilityHost, bookingMeetingTypeIds, dashboardHost, team } = await seed(database.url, window);
  console.log(`[bench] seeded: ${availabilityHost.bookingsInWindow} bookings and ${availabilityHost.busyInWindow} busy intervals in ${window.firstDay}…${window.lastDay}`);
  console.log(`[bench] seeded the dashboard host: ${dashboardHost.upcoming} upcoming, ${dashboardHost.past} past, ${dashboardHost.cancelled} cancelled bookings`);

  // Cold cache: every availability request loads from Postgres and runs the engine.
  const coldServer = await startAppServer({ databaseUrl: database.url, slotCacheTtlSeconds: 0 });
  const coldTarget = availabilityTarget(coldServer.baseUrl, availabilityHost.meetingTypeId, window);
  const availabilityCheck = await checkAvailability(coldTarget);
  const cold = await measureScenario('availability, cold cache', coldTarget);
  const teamCold = await measureTeamCold(coldServer.baseUrl, team, window);
  await coldServer.stop();

  // The webhook scenario's receivers are on loopback, which only this switch lets an endpoint be.
  const server = await startAppServer({ databaseUrl: database.url, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: '1', ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: '1' } });
  const baseline = await measureScenario('baseline', baselineTarget(server.baseUrl));
  const warmTarget = availabilityTarget(server.baseUrl, availabilityHost.meetingTypeId, window);
  const { etag } = await checkAvailability(warmTarget);
  const warm = await measureScenario('availability, warm cache', warmTarget);
  const revalidated = await measureScenario('availability, revalidated', await revalidationTarget(warmTarget, etag));
  const teamWarm = await measureTeamWarm(server.baseUrl, team, window);
  const uniqueBookings = new UniqueBookings(bookingMeetingTypeIds, window.firstDayStartMs);
  await checkBooking(server.baseUrl, uniqueBookings);
  // Before the booking load, whose thousands of confirmations would still be queued behind it.
  const notifications = await measureNotificationLatency(server.baseUrl, database.url, uniqueBookings);
  // Its endpoints are deleted at its end: the booking load below runs without webhooks.
  const webhooks = await measureWebhookFanOut(server.baseUrl, database.url, uniqueBookings, bookingMeetingTypeIds);
  const bench = createDatabase(database.url, { max: 1 });
  const bookingLoadSince = await databaseNow(bench);
  const bookingLoad = await measureScenario('booking creation', uniqueBookings.target(server.baseUrl));
  // The dashboard and the page scenarios measure the pages, not the booking load's queued emails.
  const drainStarted = Date.now();
  const stillPending = await drainOutbox(bench, bookingLoadSince, JOBS_DRAIN_TIMEOUT_MS);
  const bookingJobsDrain = { seconds: (Date.now() - drainStarted) / 1000, pending: stillPending };
  console.log(`[bench] booking load's jobs: ${stillPending === 0 ? 'drained' : `${stillPending} outbox rows still pending`} after ${bookingJobsDrain.seconds.toFixed(0)} s`);
  await bench.close();
  const dashboard = await measureDashboard(server.baseUrl, dashboardHost);
  const pageWeight = await measurePageWeight(server.baseUrl);
  const firstTimes = await measureFirstTimes(server.baseUrl);
  console.log(firstTimes ? describeFirstTimes(firstTimes) : '[bench] first-times: no Chromium at /usr/bin/chromium');
  await server.stop();
  // On a fresh server of its own, so its resident memory is the caches' and nothing else's.
  const memoryServer = await startAppServer({ databaseUrl: database.url, nodeArgs: ['--trace-gc'] });
  // The app's default budgets (lib/env.ts): the reply cache and the in-process cache store.
  const memory = await measureMemory(memoryServer, availabilityHost.meetingTypeId, window, (32 + 64) * 1024 * 1024);
  await memoryServer.stop();
  // Last, on its own server: its feeds must not be processed while the other scenarios run.
  const hostileFeeds = await measureHostileFeeds(database.url);

  const report: BenchReport = {
    startedAt,
    finishedAt: new Date(),
    machine,
    code,
    postgres: { version: database.postgresVersion, source: database.source },
    build,
    window,
    availabilityHost,
    availabilityCheck,
    baseline,
    cold,
    warm,
    revalidated,
    booking: {
      ...bookingLoad,
      rowsInserted: await countBookings(database.url, bookingMeetingTypeIds),
      requestsIssued: uniqueBookings.issued,
    },
    engine,
    notifications,
    webhooks,
    dashboardHost,
    dashboard,
    bookingJobsDrain,
    hostileFeeds,
    firstTimes,
    memory,
    team: { seed: team, cold: teamCold, warm: teamWarm },
  };
  writeFileSync(resultsPath, `${renderReport(report).trimEnd()}\n\n${renderPageWeight(pageWeight, new Date()).trimEnd()}${keptProfilesSection()}`);
  console.log(`[bench] wrote ${path.relative(process.cwd(), resultsPath)}`);
}

runBenchMain(main);
