import { describe, expect, it } from 'vitest';
import { accountDelayMs } from './sign-in-throttle';

describe('accountDelayMs', () => {
  it('is free up to the free failures, then doubles from 1 s and stops at the cap', () => {
    expect([0, 19].map((failures) => accountDelayMs(failures, 20, 300))).toEqual([0, 0]);
    expect([20, 21, 22, 28, 29, 500].map((failures) => accountDelayMs(failures, 20, 300))).toEqual([1_000, 2_000, 4_000, 256_000, 300_000, 300_000]);
  });

  it('is off with 0 free failures configured', () => {
    expect(accountDelayMs(1_000, 0, 300)).toBe(0);
  });
});
