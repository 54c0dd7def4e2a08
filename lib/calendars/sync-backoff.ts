import type { SyncFailure } from './provider-errors';

// When a connection is tried next: pure, so the schedule is tested without a clock or a database.
// A success polls again in 10 minutes (push may be lost; feeds have none). A failure backs off
// exponentially with jitter (1, 2, 4 … minutes, at most 4 hours), unless the provider said when
// to come back (Retry-After), which is honoured within bounds. A day of failures stops polling.

export const POLL_AFTER_MS = 10 * 60 * 1000;
export const BACKOFF_BASE_MS = 60 * 1000;
export const BACKOFF_MAX_MS = 4 * 60 * 60 * 1000;
/** Advised delays are kept within these bounds: at least a second, at most an hour. */
export const RETRY_AFTER_MIN_MS = 1000;
export const RETRY_AFTER_MAX_MS = 60 * 60 * 1000;
/** Failures in a row spanning this long turn the connection to `error`: no more polling until the host tries again. */
export const STOP_AFTER_FAILING_MS = 24 * 60 * 60 * 1000;

/** `failures` counts this one (1 for the first). `random` in [0, 1). */
export function retryDelayMs(failure: SyncFailure, failures: number, random: number): number {
  if (failure.kind === 'transient' && failure.retryAfterMs !== null) {
    const advised = Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, failure.retryAfterMs));
    // Never earlier than advised; up to 20% later, so many throttled clients do not return at once.
    return Math.round(advised * (1 + 0.2 * random));
  }
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(20, Math.max(0, failures - 1)));
  // Equal jitter: half fixed, half random.
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/** True once failures in a row have gone on for a day (and more than once: one failure is not a pattern). */
export function shouldStopPolling(failures: number, failingSince: Date, now: number): boolean {
  return failures >= 2 && now - failingSince.getTime() >= STOP_AFTER_FAILING_MS;
}
