import { randomBytes } from 'node:crypto';
import { bestEffort, type CacheStore } from './index';

// A short per-host lock in front of the booking transaction. It only spares Postgres the pile-up of
// many writers on one host row; Postgres's row lock and EXCLUDE constraint are what guarantee safety,
// so when the lock cannot be had in time (or Redis is down) the caller simply goes on without it.

const lockKey = (hostUserId: string) => `rdv:lock:host:${hostUserId}`;

export interface HostLockOptions {
  ttlMs?: number;
  waitMs?: number;
}

export async function withHostLock<T>(
  store: CacheStore,
  hostUserId: string,
  work: () => Promise<T>,
  { ttlMs = 5_000, waitMs = 3_000 }: HostLockOptions = {},
): Promise<T> {
  const key = lockKey(hostUserId);
  const token = randomBytes(16).toString('hex');
  const deadline = Date.now() + waitMs;
  let held = false;
  let delay = 5;
  for (;;) {
    const result = await bestEffort('acquire host lock', () => store.acquireLock(key, token, ttlMs), null);
    if (result !== false) {
      held = result === true;
      break;
    }
    if (Date.now() + delay > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await work();
  } finally {
    if (held) await bestEffort('release host lock', () => store.releaseLock(key, token), undefined);
  }
}
