import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, type MetricObjectWithValues, type MetricValue, Registry } from 'prom-client';

// The one owner of the process's Prometheus registry and every metric in it. Kept on globalThis:
// Next.js bundles instrumentation and routes separately and `next dev` re-evaluates modules on each
// change, and a second registration of a name would throw. Every label takes values from a fixed
// set (route patterns, methods, status classes, job ids, outcomes), so the series stay bounded.

/** Why a booking or a move was refused with 409 slot_unavailable: the engine's verdicts, or `taken` (lost a race). */
export const bookingConflictReasons = ['too_soon', 'too_far', 'outside_hours', 'off_grid', 'busy', 'daily_limit', 'taken'] as const;
export type BookingConflictReason = (typeof bookingConflictReasons)[number];

/** A webhook attempt: a 2xx; a failure that is retried; refused by the address guard; or the endpoint turned off (410, days of failures). */
export const webhookDeliveryOutcomes = ['delivered', 'failed', 'refused', 'endpoint_disabled'] as const;
export type WebhookDeliveryOutcome = (typeof webhookDeliveryOutcomes)[number];

/** lib/calendars/sync-connection's SyncOutcome, repeated here so the metric needs nothing above it. */
export const calendarSyncOutcomes = ['synced', 'skipped', 'reauth_required', 'failed', 'retry'] as const;
export type CalendarSyncOutcome = (typeof calendarSyncOutcomes)[number];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Counter<L>({ name, help, labelNames, registers });
  const metrics = {
    registry,
    httpDuration: new Histogram({
      name: 'rendezvous_http_request_duration_seconds',
      help: 'Time from a request reaching a route handler to its reply, by route pattern, method and status class.',
      labelNames: ['route', 'method', 'status_class'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    bookingsCreated: counter('rendezvous_bookings_created_total', 'Bookings created: by an invitee booking (book) or by moving a booking to a new time (reschedule). Idempotent replays are not counted.', ['via']),
    bookingConflicts: counter('rendezvous_booking_conflicts_total', 'Bookings and moves refused because the time was not bookable (409 slot_unavailable), by reason.', ['reason']),
    slotCache: counter('rendezvous_slot_cache_requests_total', 'Slot cache lookups on the availability path: the per-process reply cache (reply) and the shared cache store (shared), by hit or miss.', ['layer', 'result']),
    outboxOldestAge: new Gauge({ name: 'rendezvous_outbox_oldest_pending_age_seconds', help: 'Age of the oldest outbox event not yet handed to the job runner (0 when none), measured at scrape time.', registers }),
    outboxPending: new Gauge({ name: 'rendezvous_outbox_pending_events', help: 'Outbox events not yet handed to the job runner, measured at scrape time (counted up to 10000).', registers }),
    outboxDispatchFailures: counter('rendezvous_outbox_dispatch_failures_total', 'Outbox events the job runner did not accept (the row stays pending and is retried), by event name.', ['event']),
    jobsFailed: counter('rendezvous_jobs_failed_total', 'Job runs that ended in an error after their step retries (inline) or on an Inngest attempt, by job id.', ['job']),
    webhookDeliveries: counter('rendezvous_webhook_deliveries_total', 'Webhook delivery attempts, by outcome.', ['outcome']),
    calendarSyncs: counter('rendezvous_calendar_syncs_total', 'Calendar connection syncs, by outcome.', ['outcome']),
    jobsWorkerUp: new Gauge({
      name: 'rendezvous_jobs_worker_up',
      help: 'JOBS=inline under npm start: 1 when the jobs worker answered this scrape (its counters are added in), 0 when it did not (its last answer is added in) or there is no worker.',
      registers,
    }),
  };
  // Known series start at 0, so a rate() sees the first increment.
  for (const via of ['book', 'reschedule']) metrics.bookingsCreated.labels(via).inc(0);
  for (const layer of ['reply', 'shared']) for (const result of ['hit', 'miss']) metrics.slotCache.labels(layer, result).inc(0);
  for (const reason of bookingConflictReasons) metrics.bookingConflicts.labels(reason).inc(0);
  for (const outcome of webhookDeliveryOutcomes) metrics.webhookDeliveries.labels(outcome).inc(0);
  for (const outcome of calendarSyncOutcomes) metrics.calendarSyncs.labels(outcome).inc(0);
  return metrics;
}

export type AppMetrics = ReturnType<typeof createMetrics>;

const holder = globalThis as unknown as { __rendezvousMetrics?: AppMetrics };

export function appMetrics(): AppMetrics {
  holder.__rendezvousMetrics ??= createMetrics();
  return holder.__rendezvousMetrics;
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/**
 * The registry in Prometheus's text format (0.0.4). `others`: other processes' series as JSON (the
 * jobs worker's `rendezvous_*`), added to this process's series of the same names as prom-client merges
 * a cluster's (counters and histograms add up); every other series is this process's own.
 */
export async function metricsText(others: readonly unknown[][] = []): Promise<string> {
  const own = appMetrics().registry;
  if (others.length === 0) return own.metrics();
  type Json = MetricObjectWithValues<MetricValue<string>>;
  const theirs = others as Json[][];
  const shared = new Set(theirs.flat().map((metric) => metric.name));
  const ownJson = await own.getMetricsAsJSON();
  const merged = AggregatorRegistry.aggregate([ownJson.filter((metric) => shared.has(metric.name)), ...theirs]);
  const ownOnly = await Promise.all(ownJson.filter((metric) => !shared.has(metric.name)).map((metric) => own.getSingleMetricAsString(metric.name)));
  return `${[...ownOnly, (await merged.metrics()).trimEnd()].join('\n')}\n`;
}
