import { afterEach, describe, expect, it } from 'vitest';
import { env, jobsMode, nodeOptionsWithHeapCap, resetEnvForTests } from './env';

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

describe('env in production', () => {
  const production = (extra: Record<string, string | undefined>) => {
    process.env = { ...saved, NODE_ENV: 'production', JOBS: 'inline', ...extra } as NodeJS.ProcessEnv;
    for (const [key, value] of Object.entries(extra)) if (value === undefined) delete process.env[key];
    resetEnvForTests();
  };

  it('refuses to start without AUTH_SECRET, saying what to set', () => {
    production({ AUTH_SECRET: undefined });
    expect(() => env()).toThrow(/AUTH_SECRET must be set to at least 32 random bytes in production/);
  });

  it('refuses a short AUTH_SECRET, and a short previous secret', () => {
    production({ AUTH_SECRET: 'too-short' });
    expect(() => env()).toThrow(/AUTH_SECRET/);
    production({ AUTH_SECRET: 'a'.repeat(32), AUTH_SECRET_PREVIOUS: 'short' });
    expect(() => env()).toThrow(/AUTH_SECRET_PREVIOUS/);
  });

  it('accepts a 32-byte secret and lists previous secrets newest first', () => {
    production({ AUTH_SECRET: 'n'.repeat(32), AUTH_SECRET_PREVIOUS: ` ${'b'.repeat(40)} , ${'c'.repeat(40)},` });
    expect(env().AUTH_SECRET).toBe('n'.repeat(32));
    expect(env().AUTH_SECRET_PREVIOUS).toEqual(['b'.repeat(40), 'c'.repeat(40)]);
  });

  it('refuses to start with nowhere to run jobs, saying what to set', () => {
    production({ AUTH_SECRET: 'n'.repeat(32), JOBS: undefined, INNGEST_EVENT_KEY: undefined, INNGEST_DEV: undefined });
    expect(() => env()).toThrow(/JOBS: .*INNGEST_EVENT_KEY.*JOBS=inline/);
  });

  it('runs jobs on Inngest once an event key is set, and then requires the signing key', () => {
    production({ AUTH_SECRET: 'n'.repeat(32), JOBS: undefined, INNGEST_EVENT_KEY: 'evt', INNGEST_SIGNING_KEY: undefined, INNGEST_DEV: undefined });
    expect(() => env()).toThrow(/INNGEST_SIGNING_KEY must be set/);
    production({ AUTH_SECRET: 'n'.repeat(32), JOBS: undefined, INNGEST_EVENT_KEY: 'evt', INNGEST_SIGNING_KEY: 'signkey-prod-abc', INNGEST_DEV: undefined });
    expect(jobsMode()).toBe('inngest');
    production({ AUTH_SECRET: 'n'.repeat(32), JOBS: 'inngest', INNGEST_EVENT_KEY: undefined, INNGEST_SIGNING_KEY: 'signkey-prod-abc', INNGEST_DEV: undefined });
    expect(() => env()).toThrow(/INNGEST_EVENT_KEY must be set/);
  });

  it('refuses either private-address flag in production unless the acknowledgement is set too', () => {
    const base = { AUTH_SECRET: 'n'.repeat(32), ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: undefined };
    production({ ...base, WEBHOOK_ALLOW_PRIVATE_TARGETS: '1', ICS_ALLOW_PRIVATE_NETWORKS: undefined });
    expect(() => env()).toThrow(/WEBHOOK_ALLOW_PRIVATE_TARGETS: .*refused in production.*ALLOW_PRIVATE_TARGETS_I_UNDERSTAND=1/);
    production({ ...base, WEBHOOK_ALLOW_PRIVATE_TARGETS: undefined, ICS_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect(() => env()).toThrow(/ICS_ALLOW_PRIVATE_NETWORKS: .*refused in production/);
    production({ ...base, WEBHOOK_ALLOW_PRIVATE_TARGETS: '1', ICS_ALLOW_PRIVATE_NETWORKS: '1', ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: '1' });
    expect(env().WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(true);
    expect(env().ICS_ALLOW_PRIVATE_NETWORKS).toBe(true);
    production({ ...base, WEBHOOK_ALLOW_PRIVATE_TARGETS: '0', ICS_ALLOW_PRIVATE_NETWORKS: '' });
    expect(env().WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(false);
  });

  it('refuses the Inngest dev server (no signature checks) in production', () => {
    production({ AUTH_SECRET: 'n'.repeat(32), JOBS: undefined, INNGEST_DEV: '1' });
    expect(() => env()).toThrow(/INNGEST_DEV turns off signature checks/);
  });
});

describe('private-address flags outside production', () => {
  it('are honoured without the acknowledgement in development and tests', () => {
    process.env = { ...saved, NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_TARGETS: '1' } as NodeJS.ProcessEnv;
    delete process.env.ALLOW_PRIVATE_TARGETS_I_UNDERSTAND;
    resetEnvForTests();
    expect(env().WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(true);
  });
});

describe('jobs mode outside production', () => {
  it('is inline with zero setup, and inngest with the dev server', () => {
    for (const name of ['JOBS', 'INNGEST_EVENT_KEY', 'INNGEST_DEV']) delete process.env[name];
    resetEnvForTests();
    expect(jobsMode()).toBe('inline');
    process.env.INNGEST_DEV = '1';
    resetEnvForTests();
    expect(jobsMode()).toBe('inngest');
    process.env.INNGEST_DEV = '0';
    resetEnvForTests();
    expect(jobsMode()).toBe('inline');
  });

  it('caps the production heap at NODE_MAX_OLD_SPACE_MB and widens the young generation, unless NODE_OPTIONS already sets either', () => {
    delete process.env.NODE_MAX_OLD_SPACE_MB;
    resetEnvForTests();
    expect(env().NODE_MAX_OLD_SPACE_MB).toBe(512);
    expect(nodeOptionsWithHeapCap(undefined, 512)).toBe('--max-old-space-size=512 --max-semi-space-size=32');
    expect(nodeOptionsWithHeapCap(' --enable-source-maps ', 768)).toBe('--enable-source-maps --max-old-space-size=768 --max-semi-space-size=32');
    expect(nodeOptionsWithHeapCap('--max-old-space-size=2048 --max-semi-space-size=8', 512)).toBe('--max-old-space-size=2048 --max-semi-space-size=8');
    expect(nodeOptionsWithHeapCap('--trace-gc', 0)).toBe('--trace-gc --max-semi-space-size=32');
    process.env.NODE_MAX_OLD_SPACE_MB = '-1';
    resetEnvForTests();
    expect(() => env()).toThrow(/NODE_MAX_OLD_SPACE_MB/);
  });
});
