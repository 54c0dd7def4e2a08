import { appMetrics, type BookingConflictReason, bookingConflictReasons, type CalendarSyncOutcome, type WebhookDeliveryOutcome } from './registry';

// What the domains call to count things. Each is O(1): prom-client keys a series by a short string
// of its label values, and the label values come from fixed sets.

export type { BookingConflictReason, CalendarSyncOutcome, WebhookDeliveryOutcome } from './registry';

export function countBookingCreated(via: 'book' | 'reschedule'): void {
  appMetrics().bookingsCreated.labels(via).inc();
}

/** `reason`: the engine's verdict from the 409's details, else `taken` (the overlap guard or contention refused it). */
export function countBookingConflict(reason: unknown): void {
  const known = bookingConflictReasons.includes(reason as BookingConflictReason) ? (reason as BookingConflictReason) : 'taken';
  appMetrics().bookingConflicts.labels(known).inc();
}

/** `reply`: this process's finished replies; `shared`: slot entries in the cache store. */
export function countSlotCache(layer: 'reply' | 'shared', hit: boolean): void {
  appMetrics().slotCache.inc({ layer, result: hit ? 'hit' : 'miss' });
}

/** `event`: an outbox event name (lib/jobs/events.ts), a fixed set. */
export function countOutboxDispatchFailure(event: string): void {
  appMetrics().outboxDispatchFailures.labels(event).inc();
}

/** `job`: a job definition's id (inngest/functions), a fixed set. */
export function countJobFailure(job: string): void {
  appMetrics().jobsFailed.labels(job).inc();
}

/** Runs one attempt of a job; if it throws, counts the failure and throws on. */
export async function countingJobFailures<T>(job: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    countJobFailure(job);
    throw error;
  }
}

/** For the webhook sender: one call per delivery attempt. */
export function countWebhookDelivery(outcome: WebhookDeliveryOutcome): void {
  appMetrics().webhookDeliveries.labels(outcome).inc();
}

export function countCalendarSync(outcome: CalendarSyncOutcome): void {
  appMetrics().calendarSyncs.labels(outcome).inc();
}

/** The outbox's backlog, measured when Prometheus scrapes (lib/operations). */
export function recordOutboxBacklog(backlog: { oldestAgeSeconds: number; pending: number }): void {
  appMetrics().outboxOldestAge.set(backlog.oldestAgeSeconds);
  appMetrics().outboxPending.set(backlog.pending);
}
