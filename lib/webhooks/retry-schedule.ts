// When a failed delivery is tried again: about a day in all (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h),
// then it is dead. An endpoint failing without a single success for 3 days is turned off.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const FAILING_DISABLES_AFTER_MS = 3 * 24 * HOUR;

/** The wait after the given attempt (1-based) failed; null when it was the last. */
export function retryDelayAfter(attempt: number): number | null {
  return RETRY_DELAYS_MS[attempt - 1] ?? null;
}
