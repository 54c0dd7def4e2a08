import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { prebuiltSql } from '@/db/prebuilt';
import type { EventName, EventPayload } from '@/lib/jobs/events';
import type { CacheStore } from '@/lib/cache';
import { withHostLock } from '@/lib/cache/host-lock';
import { bumpHostVersion } from '@/lib/cache/host-version';
import { AppError, sqlStateOf } from '@/lib/errors';
import { dispatchAfterCommit } from '@/lib/jobs/dispatch';
import { writeOutboxEvent } from '@/lib/jobs/outbox';
import { type Actor, assertActorMayWrite } from './actor';

// The one write seam for everything that changes a host's slots (bookings, meeting types, hours,
// overrides, time zone, calendar sync): best-effort Redis lock → one transaction that locks the host
// row → the caller's work and its outbox events → commit → bump the host's availability version.
// The EXCLUDE constraint on bookings backs all of it up.

const MAX_ATTEMPTS = 4;
const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

export interface HostWriteDeps {
  database: Database;
  store: CacheStore;
}

/** A signed-in host, acting on their own data. */
export type HostActor = Extract<Actor, { kind: 'host' }>;

/**
 * What every host verb takes first: `verb(ctx, input)`. The deps, who acts and the request's clock,
 * built once by the wrappers (hostAction, hostRoute); a verb never makes up its own actor.
 */
export interface HostContext extends HostWriteDeps {
  readonly actor: HostActor;
  readonly now: number;
}

export function hostContext(deps: HostWriteDeps, hostUserId: string, now = Date.now()): HostContext {
  return { database: deps.database, store: deps.store, actor: { kind: 'host', userId: hostUserId }, now };
}

/** What the caller's work gets: the transaction, who acts, and the outbox. */
export interface HostWrite {
  readonly tx: Transaction;
  readonly hostUserId: string;
  readonly actor: Actor;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void>;
}

/** The transaction's shared state: every host locked in it gets its version bumped after commit. */
interface WriteScope {
  tx: Transaction;
  lockedHosts: Set<string>;
  /** Outbox rows written in it, handed on after commit. */
  events: string[];
}

const scopes = new WeakMap<HostWrite, WriteScope>();

function slotTaken(cause: unknown): AppError {
  return new AppError('slot_unavailable', 'That time was just booked by someone else. Please pick another time.', { cause });
}

async function transactionWithRetry<T>(database: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.transaction(work);
    } catch (error) {
      const state = sqlStateOf(error);
      if (state === '23P01') throw slotTaken(error);
      if (!state || !RETRYABLE.has(state)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError('slot_unavailable', 'Too many people are booking this host right now. Please try again.', { cause: error });
      }
      const backoff = 10 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, backoff / 2 + Math.random() * backoff));
    }
  }
}

/** Built once (db/prebuilt.ts), and sent the moment it is called: lockWithFirstStatements relies on that order. */
const lockHost = prebuiltSql<{ id: string }, { id: string }>(() => sql`select id from users where id = ${sql.placeholder('id')} for update`);

async function lockHostRow(scope: WriteScope, hostUserId: string): Promise<void> {
  if (scope.lockedHosts.has(hostUserId)) return;
  const locked = await lockHost(scope.tx, { id: hostUserId });
  if (locked.length === 0) throw new AppError('not_found', 'Host not found');
  scope.lockedHosts.add(hostUserId);
}

function hostWrite(scope: WriteScope, hostUserId: string, actor: Actor): HostWrite {
  const write: HostWrite = {
    tx: scope.tx,
    hostUserId,
    actor,
    emit: async (name, payload) => {
      scope.events.push(await writeOutboxEvent(scope.tx, name, payload));
    },
  };
  scopes.set(write, scope);
  return write;
}

export interface HostWriteOptions {
  /** Join this write's transaction instead of opening one; its outermost call bumps the versions. */
  within?: HostWrite;
  /**
   * Send the host row's lock together with `work`'s first statements, one round trip instead of two.
   * Postgres runs a connection's statements in order, each (read committed) with a snapshot taken
   * after the one before finished, so `work`'s reads still see the data as of the lock. Only for work
   * whose first steps are statements: nothing else it does may come before the lock is held.
   */
  lockWithFirstStatements?: boolean;
}

/**
 * Runs `work` as `actor` on `hostUserId`'s data under the host lock, in one transaction, and bumps
 * the availability version of every host locked in it after commit. A host actor may only write
 * their own data (404 otherwise, before anything is locked).
 */
export async function runHostWrite<T>(
  deps: HostWriteDeps,
  target: { hostUserId: string; actor: Actor },
  work: (write: HostWrite) => Promise<T>,
  options: HostWriteOptions = {},
): Promise<T> {
  const { hostUserId, actor } = target;
  assertActorMayWrite(actor, hostUserId);
  const outer = options.within && scopes.get(options.within);
  if (outer) {
    await lockHostRow(outer, hostUserId);
    return work(hostWrite(outer, hostUserId, actor));
  }
  let committed: WriteScope | undefined;
  const result = await withHostLock(deps.store, hostUserId, () =>
    transactionWithRetry(deps.database, async (tx) => {
      // A retried attempt starts over: only the hosts and events of the attempt that committed count.
      const scope: WriteScope = { tx, lockedHosts: new Set(), events: [] };
      committed = scope;
      if (!options.lockWithFirstStatements) {
        await lockHostRow(scope, hostUserId);
        return work(hostWrite(scope, hostUserId, actor));
      }
      // The lock is written to the connection first; work's first statements join it before it is sent.
      const [lock, outcome] = await Promise.allSettled([lockHostRow(scope, hostUserId), work(hostWrite(scope, hostUserId, actor))]);
      // The lock's failure first: its error (a deadlock, no such host) is why the rest failed.
      if (lock.status === 'rejected') throw lock.reason;
      if (outcome.status === 'rejected') throw outcome.reason;
      return outcome.value;
    }),
  );
  for (const host of committed?.lockedHosts ?? []) await bumpHostVersion(deps.store, host);
  dispatchAfterCommit(deps.database, committed?.events ?? []);
  return result;
}
