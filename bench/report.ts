import type { BuildOutcome } from './build';
import { DASHBOARD_SERIAL, type DashboardLoad } from './dashboard';
import { DASHBOARD_DATA, type DashboardHost } from './dashboard-seed';
import type { EngineResult } from './engine';
import type { FirstTimesResult } from './first-times';
import type { MemoryRun } from './memory';
import { HOSTILE_FEEDS, type HostileFeedLoad } from './hostile-feeds';
import { ENGINE_SETUP } from './engine';
import { FIXED_RATE, LIGHT_RATE, type LoadResult, SATURATION, type ScenarioLoad, SERIAL, WARM_UP_SECONDS } from './load';
import type { MachineInfo } from './machine';
import { NOTIFICATION_LOAD, type NotificationLatency } from './notifications';
import { WEBHOOK_LOAD, type WebhookFanOut } from './webhooks';
import type { AvailabilityCheck } from './scenarios';
import { renderTeamSection, type TeamBench } from './teams';
import { AVAILABILITY_DATA, type AvailabilityHost, BOOKING_HOSTS, type BenchWindow } from './seed';

// Renders bench/RESULTS.md: every number comes from this run; the targets are judged here.

export const TARGETS = {
  warmShareOfBaseline: 0.8,
  coldP95Ms: 50,
  engineMedianMs: 20,
  bookingFailureShare: 0.01,
  dashboardP95Ms: 200,
  notificationP95Ms: 1_000,
  webhookDeliveryP95Ms: 2_000,
  hostileFeedHealthP99Ms: 50,
  // Issue 16: the hot path.
  bookingSaturationPerSecond: 300,
  bookingP95MsAtLightRate: 20,
  coldShareOfBaseline: 0.25,
  firstTimesP50Ms: 500,
  memoryGrowthOverBudget: 1.5,
} as const;

export interface BookingLoad extends ScenarioLoad {
  /** Rows the measured runs and warm-ups actually inserted, counted in Postgres afterwards. */
  rowsInserted: number;
  requestsIssued: number;
}

export interface BenchReport {
  startedAt: Date;
  finishedAt: Date;
  machine: MachineInfo;
  /** The commit measured (see describeCode). */
  code: string;
  postgres: { version: string; source: string };
  build: BuildOutcome;
  window: BenchWindow;
  availabilityHost: AvailabilityHost;
  availabilityCheck: AvailabilityCheck;
  baseline: ScenarioLoad;
  cold: ScenarioLoad;
  warm: ScenarioLoad;
  /** The warm request with If-None-Match: what a browser or CDN revalidating its copy costs. */
  revalidated: ScenarioLoad;
  booking: BookingLoad;
  engine: EngineResult;
  /** Issue 20: a 10-member round robin, cold at 20 req/s and warm beside the single-host warm. */
  team: TeamBench;
  /** Commit → invitee confirmation recorded, inline jobs, at a fixed booking rate. */
  notifications: NotificationLatency;
  webhooks: WebhookFanOut;
  dashboardHost: DashboardHost;
  /** `GET /dashboard` signed in as the host with 10,000 bookings, serial. */
  dashboard: DashboardLoad;
  /** How long the booking load's outbox took to drain before the dashboard was measured, and what was left. */
  bookingJobsDrain: { seconds: number; pending: number };
  /** `GET /api/health` while the app's poll processes hostile ICS feeds (issue 15). */
  hostileFeeds: HostileFeedLoad;
  /** Chromium: navigation → first time button visible on the demo booking page; null without Chromium. */
  firstTimes: FirstTimesResult | null;
  /** 40,000 distinct availability queries against the cache budgets. */
  memory: MemoryRun;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
const verdict = (pass: boolean) => (pass ? '**PASS**' : '**FAIL**');
/** Connection errors and responses that are neither 2xx nor 304 (a revalidated reply is a success). */
const failures = (run: LoadResult) =>
  run.errors + Object.entries(run.statuses).reduce((sum, [code, count]) => (code.startsWith('2') || code === '304' ? sum : sum + count), 0);
const statusList = (run: LoadResult) =>
  Object.entries(run.statuses)
    .map(([code, count]) => `${code}: ${int(count)}`)
    .join(', ') + (run.errors ? `, no response: ${int(run.errors)}` : '');

function bookingFailureShare(booking: BookingLoad): number {
  const runs = [booking.saturation, booking.fixedRate, booking.lightRate];
  const failed = runs.reduce((sum, run) => sum + failures(run), 0);
  const total = runs.reduce((sum, run) => sum + run.responses + run.errors, 0);
  return total === 0 ? 1 : failed / total;
}

function targetsTable(report: BenchReport): string[] {
  const warmShare = report.warm.saturation.requestsPerSecond / report.baseline.saturation.requestsPerSecond;
  const coldP95 = report.cold.fixedRate.latencyMs.p95;
  const coldLoad = report.cold.fixedRate.requestsPerSecond / report.cold.saturation.requestsPerSecond;
  const coldLightP95 = report.cold.lightRate.latencyMs.p95;
  const coldLightLoad = report.cold.lightRate.requestsPerSecond / report.cold.saturation.requestsPerSecond;
  const engineMedian = report.engine.engine.ms.p50;
  const bookingShare = bookingFailureShare(report.booking);
  const dashboard = report.dashboard.serial;
  const dashboardOk = dashboard.latencyMs.p95 < TARGETS.dashboardP95Ms && failures(dashboard) === 0;
  const mail = report.notifications;
  const mailOk = mail.latencyMs.p95 < TARGETS.notificationP95Ms && mail.recorded === mail.bookings && mail.bookings > 0;
  const hooks = report.webhooks;
  const hooksReplyOk = hooks.offered.latencyMs.p95 < TARGETS.bookingP95MsAtLightRate;
  const hooksOk = hooks.latencyMs.p95 < TARGETS.webhookDeliveryP95Ms && hooks.delivered === hooks.expected && hooks.expected > 0;
  const feeds = report.hostileFeeds;
  const feedsOk = feeds.during.p99 < TARGETS.hostileFeedHealthP99Ms && feeds.during.count > 0;
  const bookingRate = report.booking.saturation.requestsPerSecond;
  const bookingLightP95 = report.booking.lightRate.latencyMs.p95;
  const coldShare = report.cold.saturation.requestsPerSecond / report.baseline.saturation.requestsPerSecond;
  const first = report.firstTimes;
  const firstOk = first !== null && first.ms.p50 < TARGETS.firstTimesP50Ms && first.timedOut === 0;
  const memory = report.memory;
  const memoryOk = memory.growthOverBudget <= TARGETS.memoryGrowthOverBudget && memory.non200 === 0;
  const liveHeapGrowth = memory.liveHeap.length > 1 ? memory.liveHeap.at(-1)![1] - memory.liveHeap[0]![1] : Number.NaN;
  return [
    '| target | measured | verdict |',
    '| --- | --- | --- |',
    `| warm-cache availability ≥ ${pct(TARGETS.warmShareOfBaseline)} of the bare handler's saturation throughput | ${pct(warmShare)} (${int(report.warm.saturation.requestsPerSecond)} vs ${int(report.baseline.saturation.requestsPerSecond)} req/s) | ${verdict(warmShare >= TARGETS.warmShareOfBaseline)} |`,
    `| cold-cache availability p95 < ${TARGETS.coldP95Ms} ms at ${LIGHT_RATE.overallRate} req/s | ${ms(coldLightP95)} ms (achieved ${int(report.cold.lightRate.requestsPerSecond)} req/s = ${pct(coldLightLoad)} of its saturation throughput) | ${verdict(coldLightP95 < TARGETS.coldP95Ms)} |`,
    // Shown, not judged: 200 req/s is at or above the cold path's capacity on a 2-core machine, so its p95 measures the queue.
    `| (shown, not a target) the same at ${FIXED_RATE.overallRate} req/s | ${ms(coldP95)} ms (achieved ${int(report.cold.fixedRate.requestsPerSecond)} req/s = ${pct(coldLoad)} of its saturation throughput) | — |`,
    `| engine year scan < ${TARGETS.engineMedianMs} ms (median) | ${ms(engineMedian)} ms (p95 ${ms(report.engine.engine.ms.p95)} ms) | ${verdict(engineMedian < TARGETS.engineMedianMs)} |`,
    `| booking creation: non-2xx + errors ≤ ${pct(TARGETS.bookingFailureShare)} | ${pct(bookingShare)} | ${verdict(bookingShare <= TARGETS.bookingFailureShare)} |`,
    `| booking → confirmation recorded (inline jobs) at ${NOTIFICATION_LOAD.rate} bookings/s: p95 < ${ms(TARGETS.notificationP95Ms)} ms, none missing | ${ms(mail.latencyMs.p95)} ms (p50 ${ms(mail.latencyMs.p50)} ms, max ${ms(mail.maxMs)} ms; ${int(mail.recorded)} of ${int(mail.bookings)} recorded) | ${verdict(mailOk)} |`,
    `| webhook fan-out at ${WEBHOOK_LOAD.rate} bookings/s to ${WEBHOOK_LOAD.endpointsPerHost} endpoints each: booking reply p95 < ${TARGETS.bookingP95MsAtLightRate} ms | ${ms(hooks.offered.latencyMs.p95)} ms (p50 ${ms(hooks.offered.latencyMs.p50)} ms; the same load without endpoints, just before: p95 ${ms(hooks.control.latencyMs.p95)} ms, p50 ${ms(hooks.control.latencyMs.p50)} ms) | ${verdict(hooksReplyOk)} |`,
    `| the same: delivery p95 < ${ms(TARGETS.webhookDeliveryP95Ms)} ms (inline jobs), none missing | ${ms(hooks.latencyMs.p95)} ms (p50 ${ms(hooks.latencyMs.p50)} ms, max ${ms(hooks.maxMs)} ms; ${int(hooks.delivered)} of ${int(hooks.expected)} delivered, ${int(hooks.repeats)} repeats) | ${verdict(hooksOk)} |`,
    `| dashboard landing, ${int(DASHBOARD_DATA.bookings)} bookings: p95 < ${TARGETS.dashboardP95Ms} ms | ${ms(dashboard.latencyMs.p95)} ms (p50 ${ms(dashboard.latencyMs.p50)} ms, ${int(dashboard.responses)} serial requests, non-2xx + errors ${int(failures(dashboard))}) | ${verdict(dashboardOk)} |`,
    `| booking creation saturation ≥ ${TARGETS.bookingSaturationPerSecond}/s (jobs inline, emails sent) | ${int(bookingRate)}/s | ${verdict(bookingRate >= TARGETS.bookingSaturationPerSecond)} |`,
    `| booking reply p95 < ${TARGETS.bookingP95MsAtLightRate} ms at ${LIGHT_RATE.overallRate}/s | ${ms(bookingLightP95)} ms | ${verdict(bookingLightP95 < TARGETS.bookingP95MsAtLightRate)} |`,
    `| cold-cache availability saturation ≥ ${pct(TARGETS.coldShareOfBaseline)} of the bare handler's | ${pct(coldShare)} (${int(report.cold.saturation.requestsPerSecond)} vs ${int(report.baseline.saturation.requestsPerSecond)} req/s) | ${verdict(coldShare >= TARGETS.coldShareOfBaseline)} |`,
    `| first times visible on \`${first?.path ?? '/demo/intro'}\` (Chromium, navigation → first time button): p50 < ${TARGETS.firstTimesP50Ms} ms | ${first ? `${ms(first.ms.p50)} ms (p95 ${ms(first.ms.p95)} ms, ${first.ms.count} loads, ${first.timedOut} timed out)` : 'no Chromium at /usr/bin/chromium'} | ${verdict(firstOk)} |`,
    `| memory under ${int(memory.queries)} distinct availability queries: resident growth ≤ ${TARGETS.memoryGrowthOverBudget}× the ${memory.budgetMiB} MiB of cache budgets | ${(memory.growthOverBudget).toFixed(2)}× (${(memory.maxMiB - memory.startMiB).toFixed(0)} MiB; V8 heap live after full GC grew ${liveHeapGrowth.toFixed(0)} MiB = ${(liveHeapGrowth / memory.budgetMiB).toFixed(2)}×; non-200 ${memory.non200}) | ${verdict(memoryOk)} |`,
    `| \`/api/health\` p99 < ${TARGETS.hostileFeedHealthP99Ms} ms while ${HOSTILE_FEEDS.feeds} hostile ICS feeds are processed | ${ms(feeds.during.p99)} ms (${(feeds.during.p99 / feeds.idle.latencyMs.p99).toFixed(1)}× its idle p99 of ${ms(feeds.idle.latencyMs.p99)} ms; ${int(feeds.during.count)} requests over ${feeds.processingSeconds.toFixed(1)} s) | ${verdict(feedsOk)} |`,
  ];
}

function scenarioTable(report: BenchReport): string[] {
  const baseline = report.baseline.saturation.requestsPerSecond;
  const rows: [string, ScenarioLoad][] = [
    ['baseline: `GET /api/health`', report.baseline],
    ['availability, cold cache (`SLOT_CACHE_TTL_SECONDS=0`)', report.cold],
    ['availability, warm cache (default TTL)', report.warm],
    ['availability, revalidated (`If-None-Match` → 304)', report.revalidated],
    ['booking creation: `POST /api/v1/bookings`', report.booking],
  ];
  return [
    `| scenario | saturation req/s | ÷ baseline | req/s achieved at ${FIXED_RATE.overallRate} req/s offered | p50 ms | p95 ms | p99 ms | p95 ms at ${LIGHT_RATE.overallRate} req/s | serial p50 ms | non-2xx + errors (saturation / fixed) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(([name, load]) => {
      const { p50, p95, p99 } = load.fixedRate.latencyMs;
      const ratio = load.saturation.requestsPerSecond / baseline;
      return `| ${name} | ${int(load.saturation.requestsPerSecond)} | ${ratio.toFixed(2)} | ${int(load.fixedRate.requestsPerSecond)} | ${ms(p50)} | ${ms(p95)} | ${ms(p99)} | ${ms(load.lightRate.latencyMs.p95)} | ${ms(load.serial.latencyMs.p50)} | ${int(failures(load.saturation))} / ${int(failures(load.fixedRate))} |`;
    }),
  ];
}

function runDetails(report: BenchReport): string[] {
  const runs: [string, ScenarioLoad][] = [
    ['baseline', report.baseline],
    ['availability cold', report.cold],
    ['availability warm', report.warm],
    ['availability revalidated', report.revalidated],
    ['booking creation', report.booking],
  ];
  return [
    '| scenario | run | seconds | responses | req/s | p50 ms | p95 ms | p99 ms | status codes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...runs.flatMap(([name, load]) =>
      (['saturation', 'fixedRate', 'lightRate', 'serial'] as const).map((kind) => {
        const run = load[kind];
        const openLoop = `${run.shape.overallRate} req/s, open loop`;
        const label = { saturation: `saturation, ${run.shape.connections} conn.`, fixedRate: openLoop, lightRate: openLoop, serial: `serial, ${run.shape.connections} conn.` }[kind];
        const { p50, p95, p99 } = run.latencyMs;
        return `| ${name} | ${label} | ${run.seconds.toFixed(1)} | ${int(run.responses)} | ${int(run.requestsPerSecond)} | ${ms(p50)} | ${ms(p95)} | ${ms(p99)} | ${statusList(run)} |`;
      }),
    ),
  ];
}

function engineSection(engine: EngineResult): string[] {
  const baseline = engine.baselines[0];
  const rows = [engine.engine, ...engine.baselines];
  return [
    `In-process, no server: \`computeSlots\` over ${ENGINE_SETUP.days} days from ${new Date(ENGINE_SETUP.rangeStart).toISOString().slice(0, 10)} ` +
      `(${ENGINE_SETUP.timeZone}, rules 00:00–24:00 every day, ${ENGINE_SETUP.meetingMinutes}-minute meeting, ${ENGINE_SETUP.slotIntervalMinutes}-minute grid, ` +
      `maxDaysInFuture 400, now = range start) against ${int(ENGINE_SETUP.busyIntervals)} busy intervals ` +
      `(${ENGINE_SETUP.busyMinutes.min}–${ENGINE_SETUP.busyMinutes.max} min, random 5-minute-aligned starts from a seeded PRNG, overlapping freely). ` +
      `${ENGINE_SETUP.runs} timed runs after ${ENGINE_SETUP.warmUpRuns} warm-up runs, each case. ` +
      `Result: **${int(engine.slots)} slots** out of ${int(engine.candidates)} grid candidates.`,
    '',
    '| case | median ms | p95 ms | what it does |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((row) => `| ${row.name} | ${row.ms.p50.toFixed(2)} | ${row.ms.p95.toFixed(2)} | ${row.what} |`),
    '',
    baseline
      ? `Engine ÷ grid walk (medians): **${(engine.engine.ms.p50 / baseline.ms.p50).toFixed(1)}×** — the cost of the checks (windows, DST, merging and sweeping the busy time) over merely emitting the grid.`
      : '',
  ];
}

function dashboardSection({ dashboard, dashboardHost: host, bookingJobsDrain: drain }: BenchReport): string[] {
  const { p50, p95, p99 } = dashboard.serial.latencyMs;
  return [
    `\`GET /dashboard\` (the Upcoming tab, first page) signed in as a host with ${int(DASHBOARD_DATA.bookings)} bookings: ` +
      `${int(host.upcoming)} upcoming, ${int(host.past)} past and ${int(host.cancelled)} cancelled, over ${DASHBOARD_DATA.meetingTypes} meeting types, in distinct half-hour cells from ${DASHBOARD_DATA.daysBack} days ago to ${DASHBOARD_DATA.daysAhead} days ahead (seeded PRNG). ` +
      'The host signs in over HTTP as a browser does (`GET /api/auth/csrf`, then `POST /api/auth/callback/credentials`), and every request carries the session cookie, ' +
      'so each one runs the whole page: the session check, the host row and one page of bookings. ' +
      `One connection, one request at a time, ${DASHBOARD_SERIAL.durationSeconds} s after a ${WARM_UP_SECONDS} s warm-up: the response time on loopback is the server time. ` +
      `It runs (as do the embed weight and first-times scenarios) after the booking load's inline jobs have drained: ${drain.pending === 0 ? `every outbox row of that load was dispatched ${drain.seconds.toFixed(0)} s after its last reply` : `${int(drain.pending)} outbox rows were still pending after the ${drain.seconds.toFixed(0)} s limit, so these figures include their jobs`}.`,
    '',
    '| requests | p50 ms | p95 ms | p99 ms | HTML bytes | rows shown | status codes |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    `| ${int(dashboard.serial.responses)} | ${ms(p50)} | ${ms(p95)} | ${ms(p99)} | ${int(dashboard.responseBytes)} | ${dashboard.rowsShown} | ${statusList(dashboard.serial)} |`,
  ];
}

function hostileFeedSection(feeds: HostileFeedLoad): string[] {
  return [
    `${HOSTILE_FEEDS.feeds} hosts each have the ICS feed from issue 15 (20 \`FREQ=MINUTELY;COUNT=9990\` series that end before the sync window, and 12 more with \`BYSECOND=0\`, which must be walked from DTSTART and so spend the feed's iteration budget), served from loopback. ` +
      `On a server of its own, \`GET /api/health\` is asked at ${HOSTILE_FEEDS.healthRate} req/s (open loop) for ${HOSTILE_FEEDS.idleSeconds} s with nothing to sync (idle), then the feeds are made due and the app's own poll takes them; ` +
      'the probe keeps running, and the requests scheduled between the start of the first sync (`last_attempt_at`) and the moment all were done (seen by polling every 250 ms) are the ones judged.',
    '',
    '| phase | requests | p50 ms | p95 ms | p99 ms | ÷ idle p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| idle | ${int(feeds.idle.responses)} | ${ms(feeds.idle.latencyMs.p50)} | ${ms(feeds.idle.latencyMs.p95)} | ${ms(feeds.idle.latencyMs.p99)} | 1.0 |`,
    `| ${HOSTILE_FEEDS.feeds} feeds processed (${feeds.processingSeconds.toFixed(1)} s) | ${int(feeds.during.count)} | ${ms(feeds.during.p50)} | ${ms(feeds.during.p95)} | ${ms(feeds.during.p99)} | ${(feeds.during.p99 / feeds.idle.latencyMs.p99).toFixed(1)} |`,
    '',
    `Outcome: ${feeds.synced} feeds synced, ${feeds.failed} failed; ${feeds.withSkippedEvents} recorded events skipped as over budget.`,
  ];
}

export function renderReport(report: BenchReport): string {
  const { machine, window, availabilityHost: host, availabilityCheck: check, booking } = report;
  const minutes = (report.finishedAt.getTime() - report.startedAt.getTime()) / 60_000;
  const booked201 = [booking.saturation, booking.fixedRate, booking.lightRate].reduce((sum, run) => sum + (run.statuses['201'] ?? 0), 0);
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (see [README.md](README.md)); overwritten on every run. This run: ${report.startedAt.toISOString()}, ${minutes.toFixed(1)} minutes in all.`,
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| CPU | ${machine.cpuModel} |`,
    `| cores | ${machine.cores} |`,
    `| RAM | ${machine.ramGiB.toFixed(1)} GiB |`,
    `| OS | ${machine.os} |`,
    `| Node.js | ${machine.node} |`,
    `| load average at start (1 min) | ${machine.loadAverageAtStart.toFixed(2)} |`,
    `| Postgres | ${report.postgres.version} (${report.postgres.source}) |`,
    `| date | ${report.startedAt.toISOString()} |`,
    `| code | ${report.code} |`,
    `| build | ${report.build.reused ? 'reused .next-bench (BENCH_REUSE_BUILD=1)' : `fresh \`next build\`, ${report.build.seconds.toFixed(0)} s`} |`,
    '',
    'The load generator (autocannon, in the benchmark process), the app server and Postgres all share these cores.' +
      (machine.loadAverageAtStart > machine.cores / 4 ? ' **Other work was running when this run started (see the load average): the numbers are likely low and noisy.**' : ''),
    '',
    '## Targets',
    '',
    ...targetsTable(report),
    '',
    ...renderTeamSection(report.team, report.baseline, report.warm),
    '',
    '## HTTP scenarios',
    '',
    `Saturation: ${SATURATION.connections} connections, ${SATURATION.durationSeconds} s, no rate cap. Fixed rate: ${FIXED_RATE.overallRate} req/s, evenly spaced (open loop), ${FIXED_RATE.durationSeconds} s; ` +
      `the p50/p95/p99 columns are from this run. Each of those two runs follows a ${WARM_UP_SECONDS} s warm-up of the same shape. "÷ baseline" is saturation throughput over the baseline's. ` +
      `A second fixed-rate run at ${LIGHT_RATE.overallRate} req/s (after the first, so already warm) gives "p95 at ${LIGHT_RATE.overallRate} req/s": an offered load every scenario sustains with headroom, where ${FIXED_RATE.overallRate} req/s is close to the cold path's ceiling on this machine. ` +
      `"serial p50" is a last ${SERIAL.durationSeconds} s run on ${SERIAL.connections} connection (one request at a time): the time one request takes without queueing behind others.`,
    '',
    ...scenarioTable(report),
    '',
    `Availability request: \`GET /api/v1/availability?meetingTypeId=…&start=${window.firstDay}&end=${window.lastDay}&timezone=${window.inviteeTimeZone}\` (31 days inclusive); ` +
      `the reply has **${int(check.slots)} slots, ${int(check.responseBytes)} bytes** of JSON.`,
    '',
    `Booking creation: ${int(booked201)} bookings created (201) in the measured runs; ${int(booking.rowsInserted)} booking rows exist for the ${BOOKING_HOSTS.count} hosts afterwards ` +
      `(${int(booking.requestsIssued)} requests were built in all, including warm-ups and the one-off check).`,
    '',
    '### Every run',
    '',
    ...runDetails(report),
    '',
    '## Booking to email',
    '',
    `Bookings at ${NOTIFICATION_LOAD.rate}/s for ${NOTIFICATION_LOAD.durationSeconds} s (open loop, distinct slots) on the default-TTL server, jobs inline (\`JOBS=inline\`) and mail captured. ` +
      'For each booking made in that run: the invitee confirmation\'s `email_notifications.sent_at` minus `bookings.created_at` (the transaction\'s start), read from Postgres after the run has drained. ' +
      `Booking replies: ${statusList(report.notifications.offered)}; reply p95 ${ms(report.notifications.offered.latencyMs.p95)} ms.`,
    '',
    '## Webhook fan-out',
    '',
    `Every booking host gets ${WEBHOOK_LOAD.endpointsPerHost} endpoints (local receivers answering 200 at once, \`booking.created\`); bookings at ${WEBHOOK_LOAD.rate}/s for ${WEBHOOK_LOAD.durationSeconds} s (open loop) on the same server, jobs inline. ` +
      'Delivery latency: each webhook-id\'s first arrival at its receiver minus `bookings.created_at` (the transaction\'s start). The endpoints are deleted afterwards. ' +
      'Control: just before, the same booking load on the same server with no endpoints (its jobs drained first), so the difference in reply latency is what the fan-out adds. ' +
      `Booking replies: ${statusList(report.webhooks.offered)}; control: ${statusList(report.webhooks.control)}.`,
    '',
    '## Hostile ICS feeds',
    '',
    ...hostileFeedSection(report.hostileFeeds),
    '',
    '## Dashboard landing page',
    '',
    ...dashboardSection(report),
    '',
    '## Slot engine micro-benchmark',
    '',
    ...engineSection(report.engine),
    '',
    '## Data',
    '',
    `- Availability host: time zone ${AVAILABILITY_DATA.hostTimeZone}, available every day 00:00–24:00, one ${AVAILABILITY_DATA.bookingMinutes}-minute meeting type (slot interval 15, max_days_in_future 365, min notice 0). ` +
      `**${int(AVAILABILITY_DATA.bookings)} confirmed bookings and ${int(AVAILABILITY_DATA.externalBusy)} external busy intervals, non-overlapping among the bookings, spread over the ${AVAILABILITY_DATA.spreadDays} days starting at the first benchmark day (${window.firstDay})**, ` +
      `so ${int(host.bookingsInWindow)} bookings and ${int(host.busyInWindow)} busy intervals fall in the measured 31 days (${window.firstDay} to ${window.lastDay}, ${window.inviteeTimeZone}) and free slots remain.`,
    `  Bookings take distinct half-hour cells of those days (seeded PRNG); busy intervals last ${AVAILABILITY_DATA.busyMinutes.min}–${AVAILABILITY_DATA.busyMinutes.max} minutes from random 5-minute-aligned starts and may overlap each other and the bookings, as calendar events do.`,
    `- Booking hosts: ${BOOKING_HOSTS.count} hosts (${BOOKING_HOSTS.timeZone}), rules 00:00–24:00 every day, one ${BOOKING_HOSTS.meetingMinutes}-minute meeting type each (max_days_in_future 365). ` +
      `Request i books host i % ${BOOKING_HOSTS.count} at ${window.firstDay} 00:00Z + floor(i / ${BOOKING_HOSTS.count}) × 15 min, so every request is a distinct (host, slot).`,
    '',
    '## How it was measured',
    '',
    '- A production build (`next build` into `.next-bench`) served by `scripts/serve.ts` on 127.0.0.1, with `NODE_ENV=production`, `DATABASE_POOL_MAX=20`, the V8 heap flags `npm start` sets (`--max-old-space-size=512` from `NODE_MAX_OLD_SPACE_MB`, `--max-semi-space-size=32`), rate limits off, and the in-process cache (no Redis).',
    '  The cold-cache scenario runs on a server started with `SLOT_CACHE_TTL_SECONDS=0`; the baseline, warm-cache, revalidated and booking scenarios on a second server with the default TTL.',
    '- The revalidated scenario sends the warm request with the `ETag` of the first reply in `If-None-Match`, as a browser or a CDN revalidating its copy does; the server answers 304 with no body. ' +
      'A CDN in front (the reply says `Cache-Control: public, s-maxage=…, stale-while-revalidate=…`) would answer most requests without reaching the app at all; that part is not measured here.',
    '- Latency percentiles are computed from every response\'s own time (nearest rank), not autocannon\'s histogram (which has no p95).',
    `- Saturation and serial runs use autocannon. The fixed-rate runs use an open-loop generator (\`bench/open-loop.ts\`): request i is sent at start + i / rate on a keep-alive pool of up to ${FIXED_RATE.connections} sockets, ` +
      'and its latency is measured from that scheduled moment, so a slow server cannot hold arrivals back (no coordinated omission). ' +
      "(autocannon's own `overallRate` sends each connection's share of a second back to back when the second starts, which measures bursts, not a rate.)",
    '- The sanity checks before timing: the availability request must return 200 with a non-empty `slots` array, and one booking must return 201.',
    '',
  ].join('\n');
}
