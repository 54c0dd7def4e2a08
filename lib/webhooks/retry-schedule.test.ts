import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, retryDelayAfter } from './retry-schedule';

describe('webhook retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, then gives up after the eighth attempt', () => {
    const waits = Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, index) => retryDelayAfter(index + 1));
    expect(waits).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, null]);
  });

  it('spreads the retries over about a day', () => {
    const total = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, index) => retryDelayAfter(index + 1)!).reduce((sum, wait) => sum + wait, 0);
    expect(total / 3_600_000).toBeCloseTo(31.6, 0);
  });
});
