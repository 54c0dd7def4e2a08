import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import type { CacheStore } from '@/lib/cache';
import { withHostLock } from '@/lib/cache/host-lock';
import { bumpHostVersion } from '@/lib/cache/host-version';
import { AppError, sqlStateOf } from '@/lib/errors';

// Every change to a host's bookings (create, cancel, reschedule) goes through here, in layers:
// best-effort Redis lock → transaction that locks the host row → the caller's work → commit →
// bump the host's availability version. The EXCLUDE constraint backs all of it up.

const MAX_ATTEMPTS = 4;
const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

function slotTaken(cause: unknown): AppError {
  return new AppError('slot_unavailable', 'That time was just booked by someone else. Please pick another time.', {
    cause,
  });
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
        throw new AppError('slot_unavailable', 'Too many people are booking this host right now. Please try again.', {
          cause: error,
        });
      }
      const backoff = 10 * 2 ** attempt;
      await new Promise((resolve) => setTimeout(resolve, backoff / 2 + Math.random() * backoff));
    }
  }
}

export async function lockHostRow(tx: Transaction, hostUserId: string): Promise<void> {
  await tx.execute(sql`select id from users where id = ${hostUserId} for update`);
}

export async function runHostWrite<T>(
  database: Database,
  store: CacheStore,
  hostUserId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const result = await withHostLock(store, hostUserId, () =>
    transactionWithRetry(database, async (tx) => {
      await lockHostRow(tx, hostUserId);
      return work(tx);
    }),
  );
  await bumpHostVersion(store, hostUserId);
  return result;
}
