import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import pLimit from 'p-limit';
import type { Database } from '@/db/client';
import { outbox } from '@/db/schema';
import { type DispatchedEvent, type EventName, eventSchemas } from '@/lib/jobs/events';
import { installedEventSink } from './event-sink';
import { installedJobsHandoff } from './handoff';
import { errorField, log } from '@/lib/log';
import { countOutboxDispatchFailure } from '@/lib/metrics/counters';

// Outbox → sink, at least once. A row is claimed in one statement (FOR UPDATE SKIP LOCKED, then a
// lease in claimed_until), handed on outside any transaction, and marked dispatched; so two
// instances never hand on the same row at once, no pooled connection waits on a slow sink, and a
// process killed mid-way leaves the row to the sweeper once its lease ends. A failure sets the lease
// to a backoff. The sink de-duplicates a row sent twice (Inngest by event id; inline sends by the
// email_notifications key).

/** Past this many attempts (about two days of backoff) a row is left for an operator, and logged. */
export const MAX_DISPATCH_ATTEMPTS = 50;
/** How long a claim is exclusive: longer than any delivery (inline jobs retry for seconds). */
const LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;
/** Rows younger than this are still being dispatched by the request that wrote them. */
const SWEEP_GRACE_MS = 30_000;
const SWEEP_BATCH = 100;
/** A backlog (an outage, a full queue) drains at up to this many batches a sweep. */
const SWEEP_MAX_BATCHES = 20;
/** Deliveries in flight per process: enough to overlap their database waits, few enough to keep requests first. */
const limit = pLimit(4);
const MAX_QUEUED = 1_000;
/** How long rows committed after one another wait to be claimed together. */
const BATCH_DELAY_MS = 5;
const CLAIM_BATCH = 100;
/** Committed rows waiting for the next batch, per database (tests use several). */
const waiting = new Map<Database, Set<string>>();
let waitingCount = 0;
const inFlight = new Set<Promise<unknown>>();

type OutboxRow = typeof outbox.$inferSelect;

const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;
/** One statement text whatever the number of ids (`in (…)` would be a new prepared statement per count). */
const idIn = (ids: readonly string[]) => sql`${outbox.id} = any(${`{${ids.join(',')}}`}::uuid[])`;
const available = (now: Date) => and(isNull(outbox.dispatchedAt), lt(outbox.attempts, MAX_DISPATCH_ATTEMPTS), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, iso(now))));

function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

function toEvent(row: OutboxRow): DispatchedEvent {
  const name = row.eventName as EventName;
  const schema = eventSchemas[name];
  if (!schema) throw new Error(`unknown event name ${row.eventName}`);
  return { id: row.id, name, data: schema.parse(row.payload), ts: row.createdAt.getTime() } as DispatchedEvent;
}

/**
 * Claims up to `count` available rows matching `which`, leasing them and counting the attempt: one
 * statement (the row locks of SKIP LOCKED last until it commits), so a claim is one round trip.
 */
async function claim(database: Database, which: ReturnType<typeof and>, count: number, now: Date): Promise<OutboxRow[]> {
  const claimable = database.select({ id: outbox.id }).from(outbox).where(and(available(now), which)).orderBy(asc(outbox.createdAt)).limit(count).for('update', { skipLocked: true });
  return database
    .update(outbox)
    .set({ claimedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, claimable))
    .returning();
}

async function deliverOne(database: Database, row: OutboxRow): Promise<boolean> {
  try {
    const sink = installedEventSink();
    if (!sink) throw new Error('no event sink installed');
    await sink.deliver(toEvent(row));
    return true;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2_000);
    const retryAt = new Date(Date.now() + backoffMs(row.attempts));
    await database.update(outbox).set({ claimedUntil: retryAt, lastError: message }).where(eq(outbox.id, row.id));
    const givenUp = row.attempts >= MAX_DISPATCH_ATTEMPTS;
    countOutboxDispatchFailure(row.eventName);
    log().error(
      { component: 'jobs', event: row.eventName, outboxId: row.id, attempt: row.attempts, givenUp, retryAt: givenUp ? undefined : retryAt.toISOString(), error: message },
      givenUp ? 'event not delivered, giving up: an operator must look' : 'event not delivered; retrying later',
    );
    return false;
  }
}

/** The key whose events go out in the order they were written: a booking's (confirmed before cancelled), else the row's own. */
function orderKey(row: OutboxRow): string {
  const bookingId = (row.payload as { bookingId?: unknown }).bookingId;
  return typeof bookingId === 'string' ? bookingId : row.id;
}

/** The last delivery started per key: a later row of the same booking waits for it (outside the limit). */
const lastOfKey = new Map<string, Promise<void>>();

function deliverInOrder(database: Database, row: OutboxRow, delivered: string[]): Promise<void> {
  const key = orderKey(row);
  // A predecessor that failed outright (its failure could not be recorded) holds nothing back.
  const previous = (lastOfKey.get(key) ?? Promise.resolve()).catch(() => undefined);
  const task = previous.then(() =>
    limit(async () => {
      if (await deliverOne(database, row)) delivered.push(row.id);
    }),
  );
  lastOfKey.set(key, task);
  const forget = () => {
    if (lastOfKey.get(key) === task) lastOfKey.delete(key);
  };
  task.then(forget, forget);
  return task;
}

/** Delivers the rows (a few at a time, each booking's in the order written) and marks the delivered ones in one statement. */
async function deliverClaimed(database: Database, rows: OutboxRow[]): Promise<number> {
  const delivered: string[] = [];
  const inWriteOrder = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await Promise.all(inWriteOrder.map((row) => deliverInOrder(database, row, delivered)));
  if (delivered.length > 0) await database.update(outbox).set({ dispatchedAt: new Date(), claimedUntil: null, lastError: null }).where(idIn(delivered));
  return delivered.length;
}

/** Hands on the given rows if they are still pending and nobody else holds them. */
export async function dispatchOutboxRows(database: Database, ids: readonly string[], now = new Date()): Promise<number> {
  if (ids.length === 0 || !installedEventSink()) return 0;
  return deliverClaimed(database, await claim(database, idIn(ids), ids.length, now));
}

/**
 * One sweep: available rows older than the grace period, oldest first, in batches until one comes
 * back short or the sweep has done its share. `now` may be moved forward (tests of expired leases).
 */
export async function sweepOutbox(database: Database, options: { graceMs?: number; batch?: number; maxBatches?: number; now?: Date } = {}): Promise<number> {
  if (!installedEventSink()) return 0;
  const now = options.now ?? new Date();
  const batch = options.batch ?? SWEEP_BATCH;
  const olderThan = lt(outbox.createdAt, iso(new Date(now.getTime() - (options.graceMs ?? SWEEP_GRACE_MS))));
  let delivered = 0;
  for (let round = 0; round < (options.maxBatches ?? SWEEP_MAX_BATCHES); round++) {
    const rows = await claim(database, olderThan, batch, now);
    delivered += await deliverClaimed(database, rows);
    if (rows.length < batch) break;
  }
  return delivered;
}

/**
 * After a commit: hand the new rows on in the background, so the request does not wait for mail.
 * With a jobs worker (handoff.ts), the worker gets the ids and does the rest in its own process.
 * Otherwise rows committed within a few milliseconds are claimed together once the replies are on
 * their way (one claim and one mark per batch instead of per row). A failure (or a full queue) only
 * leaves them pending; the sweeper sends them later. Returns false when it left them to the sweeper.
 */
export function dispatchAfterCommit(database: Database, ids: readonly string[]): boolean {
  if (ids.length === 0) return true;
  const handoff = installedJobsHandoff();
  if (handoff) {
    handoff.committed(ids);
    return true;
  }
  if (!installedEventSink() || waitingCount + limit.pendingCount >= MAX_QUEUED) return false;
  const first = waitingCount === 0;
  let batch = waiting.get(database);
  if (!batch) waiting.set(database, (batch = new Set()));
  for (const id of ids) batch.add(id);
  waitingCount += ids.length;
  if (first) track(new Promise((resolve) => setTimeout(resolve, BATCH_DELAY_MS)).then(dispatchWaiting));
  return true;
}

function dispatchWaiting(): void {
  for (const [database, batch] of waiting) {
    const ids = [...batch];
    for (let at = 0; at < ids.length; at += CLAIM_BATCH) {
      track(
        dispatchOutboxRows(database, ids.slice(at, at + CLAIM_BATCH)).catch((error: unknown) => {
          log().error({ component: 'jobs', err: errorField(error, true) }, 'dispatch after commit failed; the sweeper will retry');
        }),
      );
    }
  }
  waiting.clear();
  waitingCount = 0;
}

function track(task: Promise<unknown>): void {
  inFlight.add(task);
  void task.finally(() => inFlight.delete(task));
}

/** Waits for every background dispatch this process started so far (tests). */
export async function settleDispatches(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
