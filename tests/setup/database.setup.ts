import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { resetCacheForTests } from '@/lib/cache';
import { resetEnvForTests } from '@/lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
// Concurrency tests open many connections at once.
process.env.DATABASE_POOL_MAX = '40';
process.env.AUTH_SECRET = randomBytes(32).toString('hex');
process.env.APP_URL = 'http://rendezvous.test';
// Tests that are about rate limits turn them on themselves; elsewhere 100 requests from one client are fine.
process.env.RATE_LIMIT_AVAILABILITY_PER_MINUTE = '0';
process.env.RATE_LIMIT_BOOKINGS_PER_MINUTE = '0';
// Every in-process request comes from one unknown address; authorization tests send hundreds of bad keys.
process.env.RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT = '0';
// The in-process cache unless a test points the app at Redis.
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
resetEnvForTests();
resetCacheForTests();
