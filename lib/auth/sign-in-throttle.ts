import { randomUUID } from 'node:crypto';
import { type CacheStore, cacheStore } from '@/lib/cache';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { env } from '@/lib/env';

// Sign-in throttle that protects without locking anyone out. Only failures count, but each attempt
// holds its place in the counters while the password is checked (and gives it back on success), so
// parallel guesses cannot all slip past a limit:
// - per client on one account, and per client across accounts: past the limit that client waits;
// - per account, from anywhere: after SIGN_IN_FAILURES_BEFORE_DELAY failures in 24 h each further
//   attempt waits 1 s, 2 s, 4 s … (capped) after the last failure, one attempt at a time — but not
//   from a client that signed in to the account before (a known client), so the owner gets in at once
//   from their usual place, and from a new one after at most the capped delay.

const CLIENT_WINDOW_MS = 15 * 60 * 1000;
const ACCOUNT_WINDOW_MS = 24 * 60 * 60 * 1000;
const KNOWN_CLIENT_SECONDS = 90 * 24 * 60 * 60;
const ATTEMPT_LOCK_MS = 10_000;

export interface SignInKeys {
  /** A digest of the normalised email. */
  account: string;
  /** The client's address key (IPv6 grouped by /64: lib/client-address.ts). */
  client: string;
}

export type Admission =
  | { admitted: true; settle: (outcome: 'success' | 'failure' | 'error') => Promise<void> }
  | { admitted: false; retryAfterSeconds: number };

// When Redis fails the throttle keeps counting in this process rather than letting guesses through.
const fallbackStore = createMemoryStore(4 * 1024 * 1024);

async function withFallback<T>(operation: (store: CacheStore) => Promise<T>): Promise<T> {
  try {
    return await operation(cacheStore());
  } catch {
    return operation(fallbackStore);
  }
}

const keysOf = ({ account, client }: SignInKeys) => ({
  pair: `rdv:signin:fail:pair:${account}:${client}`,
  client: `rdv:signin:fail:client:${client}`,
  account: `rdv:signin:fail:account:${account}`,
  lastFailure: `rdv:signin:last-failure:${account}`,
  known: `rdv:signin:known:${account}:${client}`,
  lock: `rdv:signin:lock:${account}`,
});

/** The wait the account's failures impose on an unknown client: 0 up to the free count, then doubling. */
export function accountDelayMs(failures: number, freeFailures: number, maxSeconds: number): number {
  if (freeFailures === 0 || failures < freeFailures) return 0;
  return Math.min(maxSeconds * 1000, 1000 * 2 ** Math.min(failures - freeFailures, 30));
}

const refused = (waitMs: number): Admission => ({ admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });

/** Decides whether this attempt may check the password; `settle` records how it went ('error': not at all). */
export async function admitSignInAttempt(keys: SignInKeys, now: number): Promise<Admission> {
  const config = env();
  const key = keysOf(keys);
  const [known, accountFailures, lastFailureAt] = await withFallback((store) =>
    Promise.all([store.getJson<number>(key.known), store.addToWindow(key.account, 0, ACCOUNT_WINDOW_MS), store.getJson<number>(key.lastFailure)]),
  );
  const delay = known ? 0 : accountDelayMs(accountFailures.count, config.SIGN_IN_FAILURES_BEFORE_DELAY, config.SIGN_IN_DELAY_MAX_SECONDS);
  const lockToken = delay > 0 ? randomUUID() : null;
  if (lockToken) {
    const waitMs = (lastFailureAt ?? 0) + delay - now;
    if (waitMs > 0) return refused(waitMs);
    // Past the delay, one attempt at a time: a burst from many clients gets one guess, not one each.
    if (!(await withFallback((store) => store.acquireLock(key.lock, lockToken, ATTEMPT_LOCK_MS)))) return refused(1000);
  }
  const limits = [
    { key: key.pair, limit: config.SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_CLIENT },
    { key: key.client, limit: config.SIGN_IN_ATTEMPTS_PER_CLIENT },
  ].filter((entry) => entry.limit > 0);
  const held = await withFallback((store) => Promise.all(limits.map((entry) => store.addToWindow(entry.key, 1, CLIENT_WINDOW_MS))));
  const giveBack = () => withFallback((store) => Promise.all(limits.map((entry) => store.addToWindow(entry.key, -1, CLIENT_WINDOW_MS))));
  const release = async () => {
    if (lockToken) await withFallback((store) => store.releaseLock(key.lock, lockToken));
  };
  const over = held.filter((window, i) => window.count > limits[i]!.limit);
  if (over.length > 0) {
    await Promise.all([giveBack(), release()]);
    return refused(Math.max(...over.map((window) => window.resetAt - now)));
  }
  return {
    admitted: true,
    async settle(outcome) {
      if (outcome === 'error') {
        await giveBack();
      } else if (outcome === 'success') {
        await Promise.all([giveBack(), withFallback((store) => store.setJson(key.known, 1, KNOWN_CLIENT_SECONDS))]);
      } else {
        await withFallback((store) =>
          Promise.all([store.addToWindow(key.account, 1, ACCOUNT_WINDOW_MS), store.setJson(key.lastFailure, now, ACCOUNT_WINDOW_MS / 1000)]),
        );
      }
      await release();
    },
  };
}
