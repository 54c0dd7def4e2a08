import { and, asc, inArray, isNull, lt, sql } from 'drizzle-orm';
import pLimit from 'p-limit';
import type { Database, Transaction } from '@/db/client';
import { outbox } from '@/db/schema';
import { type DispatchedEvent, type EventName, eventSchemas } from '@/inngest/events';
import { installedEventSink } from './event-sink';

// Outbox → sink, at least once. A row is claimed with FOR UPDATE SKIP LOCKED, handed to the sink and
// marked dispatched in one transaction, so two instances never hand on the same row at once and a
// process killed mid-way leaves it pending for the sweeper. The sink de-duplicates a row sent twice
// (Inngest by event id; inline sends by the email_notifications key).

/** A row that failed this often is left for an operator (its last_error says why). */
export const MAX_DISPATCH_ATTEMPTS = 100;
/** Rows younger than this are still being dispatched by the request that wrote them. */
const SWEEP_GRACE_SECONDS = 30;
const SWEEP_BATCH = 100;
/** A backlog (an outage, a full queue) drains at up to this many batches a sweep. */
const SWEEP_MAX_BATCHES = 20;
/** Each delivery holds a pooled connection; the bound keeps the pool free for the work itself. */
const limit = pLimit(2);
const MAX_QUEUED = 1_000;
const inFlight = new Set<Promise<unknown>>();

type OutboxRow = typeof outbox.$inferSelect;

function toEvent(row: OutboxRow): DispatchedEvent {
  const name = row.eventName as EventName;
  const schema = eventSchemas[name];
  if (!schema) throw new Error(`unknown event name ${row.eventName}`);
  return { id: row.id, name, data: schema.parse(row.payload), ts: row.createdAt.getTime() } as DispatchedEvent;
}

async function deliverClaimed(tx: Transaction, rows: OutboxRow[]): Promise<number> {
  const sink = installedEventSink();
  if (!sink) return 0;
  let delivered = 0;
  for (const row of rows) {
    try {
      await sink.deliver(toEvent(row));
      await tx.update(outbox).set({ dispatchedAt: new Date(), attempts: row.attempts + 1, lastError: null }).where(sql`${outbox.id} = ${row.id}`);
      delivered += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[jobs] ${row.eventName} ${row.id} not delivered (attempt ${row.attempts + 1}): ${message}`);
      await tx.update(outbox).set({ attempts: row.attempts + 1, lastError: message.slice(0, 2_000) }).where(sql`${outbox.id} = ${row.id}`);
    }
  }
  return delivered;
}

/** Hands on the given rows if they are still pending and nobody else holds them. */
export async function dispatchOutboxRows(database: Database, ids: readonly string[]): Promise<number> {
  if (ids.length === 0 || !installedEventSink()) return 0;
  return database.transaction(async (tx) => {
    const rows = await tx.select().from(outbox).where(and(inArray(outbox.id, [...ids]), isNull(outbox.dispatchedAt))).for('update', { skipLocked: true });
    return deliverClaimed(tx, rows);
  });
}

function sweepBatch(database: Database, graceSeconds: number, batch: number) {
  return database.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(
        and(
          isNull(outbox.dispatchedAt),
          lt(outbox.attempts, MAX_DISPATCH_ATTEMPTS),
          lt(outbox.createdAt, sql`now() - make_interval(secs => ${graceSeconds})`),
        ),
      )
      .orderBy(asc(outbox.createdAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    return { claimed: rows.length, delivered: await deliverClaimed(tx, rows) };
  });
}

/**
 * One sweep: pending rows older than the grace period, oldest first, in batches (each its own
 * transaction) until a batch comes back short or the sweep has done its share. Returns how many were handed on.
 */
export async function sweepOutbox(database: Database, options: { graceSeconds?: number; batch?: number; maxBatches?: number } = {}): Promise<number> {
  if (!installedEventSink()) return 0;
  const batch = options.batch ?? SWEEP_BATCH;
  let delivered = 0;
  for (let round = 0; round < (options.maxBatches ?? SWEEP_MAX_BATCHES); round++) {
    const result = await sweepBatch(database, options.graceSeconds ?? SWEEP_GRACE_SECONDS, batch);
    delivered += result.delivered;
    if (result.claimed < batch || result.delivered === 0) break;
  }
  return delivered;
}

/**
 * After a commit: hand the new rows on in the background, so the request does not wait for mail.
 * A failure (or a full queue) only leaves them pending; the sweeper sends them later.
 */
export function dispatchAfterCommit(database: Database, ids: readonly string[]): void {
  if (ids.length === 0 || !installedEventSink() || limit.pendingCount >= MAX_QUEUED) return;
  const task = limit(() => dispatchOutboxRows(database, ids)).catch((error: unknown) => {
    console.error('[jobs] dispatch after commit failed; the sweeper will retry', error);
  });
  inFlight.add(task);
  void task.finally(() => inFlight.delete(task));
}

/** Waits for every background dispatch started so far (tests, graceful shutdown). */
export async function settleDispatches(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
