import { Ratelimit } from '@upstash/ratelimit';
import { LRUCache } from 'lru-cache';
import { clientAddress } from '@/lib/client-address';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { LRU_ENTRY_BYTES, OBJECT_BYTES, stringBytes } from './entry-bytes';
import { redisClient } from './index';

// Named limits: @upstash/ratelimit (sliding window) across instances when Redis is configured, an
// in-process fixed window otherwise, and also whenever Redis fails.

interface LimitPolicy {
  /** Requests (or failures) per window; 0 turns the limit off. */
  limit: () => number;
  windowSeconds: number;
}

const policies = {
  availability: { limit: () => env().RATE_LIMIT_AVAILABILITY_PER_MINUTE, windowSeconds: 60 },
  bookings: { limit: () => env().RATE_LIMIT_BOOKINGS_PER_MINUTE, windowSeconds: 60 },
  /** Password-change attempts per host (sign-in itself counts failures: lib/auth/sign-in-throttle.ts). */
  'sign-in-attempts-account-client': { limit: () => env().SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_CLIENT, windowSeconds: 15 * 60 },
  'sign-ups': { limit: () => env().RATE_LIMIT_SIGN_UPS_PER_HOUR, windowSeconds: 60 * 60 },
  /** Authenticated push notifications per calendar connection (a leaked channel secret cannot flood the database). */
  'calendar-notifications': { limit: () => env().RATE_LIMIT_CALENDAR_NOTIFICATIONS_PER_MINUTE, windowSeconds: 60 },
  /** ICS feeds a host may try to add (each try fetches and parses a feed), per host. */
  'ics-feed-adds': { limit: () => env().RATE_LIMIT_ICS_FEED_ADDS_PER_HOUR, windowSeconds: 60 * 60 },
  /** Webhook test events and resends, per host (each is an outgoing request to the host's URL). */
  'webhook-sends': { limit: () => env().RATE_LIMIT_WEBHOOK_SENDS_PER_HOUR, windowSeconds: 60 * 60 },
  /** "Sync now" / "Try again" on the integrations page: per connection per minute, per host per hour. */
  'calendar-sync-now-connection': { limit: () => env().RATE_LIMIT_SYNC_NOW_PER_CONNECTION_PER_MINUTE, windowSeconds: 60 },
  'calendar-sync-now-host': { limit: () => env().RATE_LIMIT_SYNC_NOW_PER_HOST_PER_HOUR, windowSeconds: 60 * 60 },
  /** Verification, email-change and reset mails per account (or hashed address). */
  'account-emails-address': { limit: () => env().RATE_LIMIT_ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR, windowSeconds: 60 * 60 },
  'password-resets-client': { limit: () => env().RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT_PER_HOUR, windowSeconds: 60 * 60 },
  /** Host API requests per API key. */
  'api-key': { limit: () => env().RATE_LIMIT_API_KEY_PER_MINUTE, windowSeconds: 60 },
  /** Host API requests refused with 401 (no, malformed, unknown or revoked key), per client address. */
  'api-key-failures': { limit: () => env().RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT, windowSeconds: 15 * 60 },
} satisfies Record<string, LimitPolicy>;

export type LimitName = keyof typeof policies;

export interface Verdict {
  success: boolean;
  /** Epoch ms when the window frees up again. */
  reset: number;
  /** The window's size and what is left of it (for RateLimit-* headers); limit 0 when the limit is off. */
  limit: number;
  remaining: number;
}

// Fixed windows per key, in a byte-bounded LRU: O(1) per request, and a flood of distinct clients
// evicts the least recent ones instead of growing the process.
export const LOCAL_WINDOWS_BUDGET_BYTES = 4 * 1024 * 1024;
const localWindows = new LRUCache<string, { windowStart: number; count: number }>({
  maxSize: LOCAL_WINDOWS_BUDGET_BYTES,
  // The window object and its start time (a heap number).
  sizeCalculation: (_window, key) => LRU_ENTRY_BYTES + 2 * OBJECT_BYTES + stringBytes(key),
});

function peekLocally(key: string, policy: LimitPolicy, limit: number, now: number): Verdict {
  const windowMs = policy.windowSeconds * 1000;
  const windowStart = now - (now % windowMs);
  const current = localWindows.get(key);
  const count = current && current.windowStart === windowStart ? current.count : 0;
  return { success: count < limit, reset: windowStart + windowMs, limit, remaining: Math.max(0, limit - count) };
}

function limitLocally(key: string, policy: LimitPolicy, limit: number, now: number): Verdict {
  const windowMs = policy.windowSeconds * 1000;
  const windowStart = now - (now % windowMs);
  const current = localWindows.get(key);
  const entry = current && current.windowStart === windowStart ? current : { windowStart, count: 0 };
  entry.count += 1;
  if (entry !== current) localWindows.set(key, entry);
  return { success: entry.count <= limit, reset: windowStart + windowMs, limit, remaining: Math.max(0, limit - entry.count) };
}

/** Bytes the in-process windows hold (tests check the bound). */
export function localRateLimitBytes(): number {
  return localWindows.calculatedSize;
}

const redisLimiters = new Map<string, Ratelimit>();

function redisLimiter(name: LimitName, limit: number): Ratelimit | null {
  const redis = redisClient();
  if (!redis) return null;
  const id = `${name}:${limit}`;
  let limiter = redisLimiters.get(id);
  if (!limiter) {
    const window = `${policies[name].windowSeconds} s` as const;
    limiter = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(limit, window), prefix: `rdv:rl:${name}`, timeout: 1_000 });
    redisLimiters.set(id, limiter);
  }
  return limiter;
}

async function limitWithRedis(name: LimitName, key: string, limit: number): Promise<Verdict | null> {
  const limiter = redisLimiter(name, limit);
  if (!limiter) return null;
  try {
    const result = await limiter.limit(key);
    // A timed-out check passes unchecked upstream; count it locally instead.
    return result.reason === 'timeout' ? null : { success: result.success, reset: result.reset, limit, remaining: Math.max(0, result.remaining) };
  } catch {
    return null;
  }
}

/** Counts one event for `key` under a named limit; `success: false` once the window is used up. */
export async function hitLimit(name: LimitName, key: string, now = Date.now()): Promise<Verdict> {
  const policy = policies[name];
  const limit = policy.limit();
  if (limit === 0) return { success: true, reset: now, limit: 0, remaining: 0 };
  return (await limitWithRedis(name, key, limit)) ?? limitLocally(`${name}:${key}`, policy, limit, now);
}

/**
 * Whether `key` still has room under a named limit, without counting anything: for limits that count
 * only failures, checked before the attempt so a client past its limit is refused without trying.
 */
export async function peekLimit(name: LimitName, key: string, now = Date.now()): Promise<Verdict> {
  const policy = policies[name];
  const limit = policy.limit();
  if (limit === 0) return { success: true, reset: now, limit: 0, remaining: 0 };
  const limiter = redisLimiter(name, limit);
  if (limiter) {
    try {
      const { remaining, reset } = await limiter.getRemaining(key);
      return { success: remaining > 0, reset, limit, remaining: Math.max(0, remaining) };
    } catch {
      // Redis failed: hitLimit counts locally then, so the local window is the one to read.
    }
  }
  return peekLocally(`${name}:${key}`, policy, limit, now);
}

export function rateLimited(verdict: Verdict, now: number, message = 'Too many requests; slow down and retry later'): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((verdict.reset - now) / 1000));
  return new AppError('rate_limited', message, { retryAfterSeconds });
}

/** Throws 429 with Retry-After when this client has used up its window. */
export async function enforceRateLimit(request: Request, name: 'availability' | 'bookings', now = Date.now()): Promise<void> {
  const verdict = await hitLimit(name, clientAddress(request), now);
  if (!verdict.success) throw rateLimited(verdict, now);
}

export function resetRateLimitsForTests(): void {
  localWindows.clear();
  redisLimiters.clear();
}
