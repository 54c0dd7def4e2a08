import { resetCacheForTests } from '@/lib/cache';
import { resetRateLimitsForTests } from '@/lib/cache/rate-limit';
import { resetEnvForTests } from '@/lib/env';

/** Sets (or, with undefined, removes) variables, then forgets everything parsed or built from them. */
export function setTestEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
  resetCacheForTests();
  resetRateLimitsForTests();
}
