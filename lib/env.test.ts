import { afterEach, describe, expect, it } from 'vitest';
import { env, resetEnvForTests } from './env';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe('env', () => {
  it('applies defaults when optional variables are unset or empty', () => {
    delete process.env.RATE_LIMIT_BOOKINGS_PER_MINUTE;
    process.env.UPSTASH_REDIS_REST_URL = '';
    resetEnvForTests();
    expect(env().RATE_LIMIT_BOOKINGS_PER_MINUTE).toBe(20);
    expect(env().UPSTASH_REDIS_REST_URL).toBeUndefined();
  });

  it('parses flags and numbers, and 0 turns a rate limit off', () => {
    process.env.TRUST_PROXY = '1';
    process.env.RATE_LIMIT_AVAILABILITY_PER_MINUTE = '0';
    resetEnvForTests();
    expect(env().TRUST_PROXY).toBe(true);
    expect(env().RATE_LIMIT_AVAILABILITY_PER_MINUTE).toBe(0);
  });

  it('refuses an invalid value with a message naming the variable', () => {
    process.env.DATABASE_URL = 'not a url';
    resetEnvForTests();
    expect(() => env()).toThrow(/DATABASE_URL/);
  });
});
