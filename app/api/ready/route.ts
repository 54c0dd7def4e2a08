import { cacheStore } from '@/lib/cache';
import { db } from '@/lib/database';
import { json, route } from '@/lib/http';
import { assertReady } from '@/lib/operations/readiness';

// Readiness for load balancers and orchestrators: 200 when the database, the cache store and the
// migrations are all right; 503 not_ready naming the failed checks. Liveness is /api/health.
export const GET = route(async () => json({ status: 'ready', checks: await assertReady({ database: db(), store: cacheStore() }) }));
