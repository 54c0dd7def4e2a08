import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, POLL_AFTER_MS, RETRY_AFTER_MAX_MS, retryDelayMs, shouldStopPolling, STOP_AFTER_FAILING_MS } from './sync-backoff';

const permanent = { kind: 'permanent', message: 'x' } as const;
const throttled = (retryAfterMs: number | null) => ({ kind: 'transient', retryAfterMs, message: 'x' }) as const;

describe('retryDelayMs', () => {
  it('doubles from a minute per failure, with half of each delay random', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(permanent, n, 0))).toEqual([0.5, 1, 2, 4].map((m) => m * BACKOFF_BASE_MS));
    expect([1, 2, 3, 4].map((n) => retryDelayMs(permanent, n, 0.999_999))).toEqual([1, 2, 4, 8].map((m) => Math.round(m * BACKOFF_BASE_MS * (1 - 0.000_000_5))));
  });

  it('never waits longer than four hours, however many failures', () => {
    for (const failures of [9, 10, 50, 10_000]) expect(retryDelayMs(permanent, failures, 0.99)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    expect(retryDelayMs(permanent, 10_000, 0)).toBe(BACKOFF_MAX_MS / 2);
  });

  it('honours Retry-After: never earlier, at most 20% later, within a second and an hour', () => {
    expect(retryDelayMs(throttled(2000), 1, 0)).toBe(2000);
    expect(retryDelayMs(throttled(2000), 7, 0.5)).toBe(2200);
    expect(retryDelayMs(throttled(0), 1, 0)).toBe(1000);
    expect(retryDelayMs(throttled(10 * RETRY_AFTER_MAX_MS), 1, 0)).toBe(RETRY_AFTER_MAX_MS);
  });

  it('backs off a transient failure without advice like any other', () => {
    expect(retryDelayMs(throttled(null), 3, 0)).toBe(retryDelayMs(permanent, 3, 0));
  });

  it('polls a healthy connection more often than a failing one reaches after a few tries', () => {
    expect(retryDelayMs(permanent, 6, 0)).toBeGreaterThan(POLL_AFTER_MS);
  });
});

describe('shouldStopPolling', () => {
  const since = new Date('2027-01-01T00:00:00Z');
  it('stops after failures in a row spanning a day, not before, and not for a single failure', () => {
    expect(shouldStopPolling(30, since, since.getTime() + STOP_AFTER_FAILING_MS - 1)).toBe(false);
    expect(shouldStopPolling(30, since, since.getTime() + STOP_AFTER_FAILING_MS)).toBe(true);
    expect(shouldStopPolling(1, since, since.getTime() + 2 * STOP_AFTER_FAILING_MS)).toBe(false);
  });
});
