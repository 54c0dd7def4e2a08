import 'server-only';
import { and, asc, eq, inArray, isNotNull, lte, min, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { dispatchAfterCommit } from '@/lib/jobs/dispatch';
import { writeOutboxEvent } from '@/lib/jobs/outbox';
import { countWebhookDelivery } from '@/lib/metrics/counters';
import type { WebhookDeliveryOutcome } from '@/lib/metrics/registry';
import { errorField, log } from '@/lib/log';
import { postWebhook, type SendOutcome } from './send';
import { openWebhookSecret, signedHeaders } from './signing';
import { FAILING_DISABLES_AFTER_MS, retryDelayAfter } from './retry-schedule';

// Sends an endpoint's due deliveries, oldest first. A delivery is claimed in one statement (SKIP
// LOCKED, its next_attempt_at pushed past any attempt as a lease, the attempt counted), so two
// runners never send it at once and a process killed mid-send leaves it to be retried — under the
// same webhook-id, as a retry. Each attempt is logged; the outcome sets the delivery's state.

/** Longer than one attempt can take (10 s), so a lease never ends while its attempt still runs. */
const LEASE_MS = 60_000;
const CLAIM_BATCH = 20;
/** One run's share, so a backlog on one endpoint cannot hold a runner for long. */
const MAX_PER_RUN = 200;

type Endpoint = typeof webhookEndpoints.$inferSelect;
type Delivery = typeof webhookDeliveries.$inferSelect;

async function claimDue(database: Database, endpointId: string, now: Date): Promise<Delivery[]> {
  const due = database
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.createdAt))
    .limit(CLAIM_BATCH)
    .for('update', { skipLocked: true });
  const claimed = await database
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

type Verdict = 'succeeded' | 'gone' | 'retry' | 'dead';

function verdictOf(outcome: SendOutcome, attempt: number): Verdict {
  const status = outcome.statusCode;
  if (status !== null && status >= 200 && status < 300) return 'succeeded';
  if (status === 410) return 'gone';
  return retryDelayAfter(attempt) === null ? 'dead' : 'retry';
}

/**
 * The common case, a 2xx from an endpoint that was not failing: the attempt logged and the delivery
 * done in one statement (atomic as a transaction, one round trip instead of four).
 */
async function recordSuccess(database: Database, delivery: Delivery, outcome: SendOutcome, attemptedAt: Date): Promise<void> {
  await database.execute(sql`with attempt as (
      insert into ${webhookAttempts} (delivery_id, attempt_number, attempted_at, status_code, error, duration_ms, response_excerpt)
      values (${delivery.id}, ${delivery.attempts}, ${attemptedAt.toISOString()}::timestamptz, ${outcome.statusCode}, ${outcome.error}, ${outcome.durationMs}, ${outcome.responseExcerpt})
    )
    update ${webhookDeliveries} set status = 'succeeded', next_attempt_at = null where id = ${delivery.id}`);
}

/** Logs the attempt and moves the delivery (and, on a 410 or 3 days of failure, the endpoint) on, in one transaction. */
async function recordAttempt(database: Database, endpoint: Endpoint, delivery: Delivery, outcome: SendOutcome, attemptedAt: Date): Promise<Verdict> {
  const verdict = verdictOf(outcome, delivery.attempts);
  if (verdict === 'succeeded' && !endpoint.failingSince) {
    await recordSuccess(database, delivery, outcome, attemptedAt);
    return verdict;
  }
  const events: string[] = [];
  await database.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, attemptNumber: delivery.attempts, attemptedAt, ...outcome });
    const delay = retryDelayAfter(delivery.attempts);
    const state =
      verdict === 'retry'
        ? { status: 'pending' as const, nextAttemptAt: new Date(attemptedAt.getTime() + delay!) }
        : { status: verdict === 'succeeded' ? ('succeeded' as const) : verdict === 'gone' ? ('failed' as const) : ('dead' as const), nextAttemptAt: null };
    await tx.update(webhookDeliveries).set(state).where(eq(webhookDeliveries.id, delivery.id));
    if (verdict === 'succeeded') {
      // Only an endpoint that was failing when the run started has a streak to end.
      if (endpoint.failingSince) await tx.update(webhookEndpoints).set({ failingSince: null }).where(and(eq(webhookEndpoints.id, endpoint.id), isNotNull(webhookEndpoints.failingSince)));
      return;
    }
    if (verdict === 'gone') {
      await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: 'gone', failingSince: null }).where(eq(webhookEndpoints.id, endpoint.id));
      return;
    }
    const [marked] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${attemptedAt.toISOString()}::timestamptz)` })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled });
    if (marked?.enabled && marked.failingSince && attemptedAt.getTime() - marked.failingSince.getTime() >= FAILING_DISABLES_AFTER_MS) {
      await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: 'failing' }).where(eq(webhookEndpoints.id, endpoint.id));
      events.push(await writeOutboxEvent(tx, 'webhook/endpoint-disabled', { endpointId: endpoint.id, hostUserId: endpoint.userId, url: endpoint.url }));
    }
  });
  dispatchAfterCommit(database, events);
  return verdict;
}

async function attempt(database: Database, endpoint: Endpoint, secret: string, delivery: Delivery): Promise<Verdict> {
  const body = JSON.stringify(delivery.payload);
  const attemptedAt = new Date();
  const outcome = await postWebhook(endpoint.url, signedHeaders(secret, delivery.id, attemptedAt, body), body);
  const verdict = await recordAttempt(database, endpoint, delivery, outcome, attemptedAt);
  countWebhookDelivery(metricOutcome(verdict, outcome));
  return verdict;
}

/** The attempt as /api/metrics counts it: send.ts marks an address the guard refused with "Refused: ". */
function metricOutcome(verdict: Verdict, outcome: SendOutcome): WebhookDeliveryOutcome {
  if (verdict === 'succeeded') return 'delivered';
  if (verdict === 'gone') return 'endpoint_disabled';
  return outcome.error?.startsWith('Refused: ') ? 'refused' : 'failed';
}

export interface EndpointRunReport {
  attempted: number;
  succeeded: number;
  /** The earliest retry still pending for the endpoint, if any. */
  nextAttemptAt: Date | null;
}

/** Sends what is due for one endpoint, oldest first; stops when the endpoint answers 410 (it is now off). */
export async function deliverDueForEndpoint(database: Database, endpointId: string, now = () => new Date()): Promise<EndpointRunReport> {
  const report: EndpointRunReport = { attempted: 0, succeeded: 0, nextAttemptAt: null };
  let retrying = false;
  const [endpoint] = await database.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint?.enabled) return report;
  const secret = openWebhookSecret(endpoint.id, endpoint.secretEncrypted);
  while (report.attempted < MAX_PER_RUN) {
    const batch = await claimDue(database, endpointId, now());
    for (const delivery of batch) {
      report.attempted += 1;
      const verdict = await attempt(database, endpoint, secret, delivery).catch((error: unknown) => {
        // The attempt could not be recorded: its lease runs out and it is tried again.
        log().error({ component: 'webhooks', deliveryId: delivery.id, err: errorField(error, true) }, 'webhook attempt not recorded');
        return 'retry' as const;
      });
      if (verdict === 'succeeded') report.succeeded += 1;
      if (verdict === 'retry') retrying = true;
      if (verdict === 'gone') return report;
    }
    if (batch.length < CLAIM_BATCH) break;
  }
  // A retry due soon can only come from a failure in this run (earlier runs waited for theirs).
  if (!retrying) return report;
  const [next] = await database
    .select({ at: min(webhookDeliveries.nextAttemptAt) })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'pending')));
  report.nextAttemptAt = next?.at ?? null;
  return report;
}

/** The enabled endpoints with a delivery due (the retry poll asks a run for each). */
export async function endpointsWithDueDeliveries(database: Database, now = new Date(), limit = 500): Promise<string[]> {
  const rows = await database
    .selectDistinct({ endpointId: webhookDeliveries.endpointId })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), eq(webhookEndpoints.enabled, true)))
    .limit(limit);
  return rows.map((row) => row.endpointId);
}
