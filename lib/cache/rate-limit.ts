import { Ratelimit } from '@upstash/ratelimit';
import { LRUCache } from 'lru-cache';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/client-address';
import { redisClient } from './index';

// Per-client limits on the public endpoints: @upstash/ratelimit (sliding window) across instances when
// Redis is configured, an in-process fixed window otherwise — and also whenever Redis fails.

export type LimitedEndpoint = 'availability' | 'bookings';

const WINDOW_MS = 60_000;

function limitFor(endpoint: LimitedEndpoint): number {
  const config = env();
  return endpoint === 'availability' ? config.RATE_LIMIT_AVAILABILITY_PER_MINUTE : config.RATE_LIMIT_BOOKINGS_PER_MINUTE;
}

interface Verdict {
  success: boolean;
  reset: number;
}

// Fixed windows per client, in a byte-bounded LRU: O(1) per request, and a flood of distinct
// clients evicts the least recent ones instead of growing the process.
export const LOCAL_WINDOWS_BUDGET_BYTES = 4 * 1024 * 1024;
const localWindows = new LRUCache<string, { windowStart: number; count: number }>({
  maxSize: LOCAL_WINDOWS_BUDGET_BYTES,
  sizeCalculation: (_window, key) => 2 * key.length + 64,
});

function limitLocally(key: string, limit: number, now: number): Verdict {
  const windowStart = now - (now % WINDOW_MS);
  const current = localWindows.get(key);
  const entry = current && current.windowStart === windowStart ? current : { windowStart, count: 0 };
  entry.count += 1;
  if (entry !== current) localWindows.set(key, entry);
  return { success: entry.count <= limit, reset: windowStart + WINDOW_MS };
}

/** Bytes the in-process windows hold (tests check the bound). */
export function localRateLimitBytes(): number {
  return localWindows.calculatedSize;
}

const redisLimiters = new Map<string, Ratelimit>();

async function limitWithRedis(key: string, endpoint: LimitedEndpoint, limit: number): Promise<Verdict | null> {
  const redis = redisClient();
  if (!redis) return null;
  const id = `${endpoint}:${limit}`;
  let limiter = redisLimiters.get(id);
  if (!limiter) {
    limiter = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(limit, '60 s'), prefix: `rdv:rl:${endpoint}`, timeout: 1_000 });
    redisLimiters.set(id, limiter);
  }
  try {
    const result = await limiter.limit(key);
    // A timed-out check passes unchecked upstream; count it locally instead.
    return result.reason === 'timeout' ? null : { success: result.success, reset: result.reset };
  } catch {
    return null;
  }
}

/** Throws 429 with Retry-After when this client has used up its minute. A limit of 0 is off. */
export async function enforceRateLimit(request: Request, endpoint: LimitedEndpoint, now = Date.now()): Promise<void> {
  const limit = limitFor(endpoint);
  if (limit === 0) return;
  const key = clientAddress(request);
  const verdict = (await limitWithRedis(key, endpoint, limit)) ?? limitLocally(`${endpoint}:${key}`, limit, now);
  if (!verdict.success) {
    const retryAfterSeconds = Math.max(1, Math.ceil((verdict.reset - now) / 1000));
    throw new AppError('rate_limited', 'Too many requests; slow down and retry later', { retryAfterSeconds });
  }
}

export function resetRateLimitsForTests(): void {
  localWindows.clear();
  redisLimiters.clear();
}
