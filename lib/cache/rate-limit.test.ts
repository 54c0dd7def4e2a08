import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { heapGrowth } from '@/tests/setup/heap';
import { hitLimit, localRateLimitBytes, resetRateLimitsForTests } from './rate-limit';

describe('in-process rate-limit windows: byte estimates', () => {
  beforeAll(() => {
    process.env.RATE_LIMIT_AVAILABILITY_PER_MINUTE = '100';
    resetEnvForTests();
    resetRateLimitsForTests();
  });
  afterAll(() => {
    delete process.env.RATE_LIMIT_AVAILABILITY_PER_MINUTE;
    resetEnvForTests();
    resetRateLimitsForTests();
  });

  it('weighs each client’s window at no less than the heap it takes (so the budget bounds the process)', async () => {
    const now = Date.UTC(2026, 11, 9);
    const grown = await heapGrowth(async () => {
      for (let i = 0; i < 10_000; i++) await hitLimit('availability', `2001:db8:${(i >> 16) & 0xffff}:${i & 0xffff}::1`, now);
    });
    const bytes = localRateLimitBytes();
    expect(bytes).toBeGreaterThan(0);
    expect(grown / bytes).toBeLessThan(1.15);
    expect(grown / bytes).toBeGreaterThan(0.5);
  });
});
