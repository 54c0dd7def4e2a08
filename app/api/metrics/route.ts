import { db } from '@/lib/database';
import { route } from '@/lib/http';
import { assertMetricsAccess, scrapeMetrics } from '@/lib/operations/metrics-scrape';
import { METRICS_CONTENT_TYPE } from '@/lib/metrics/registry';

// Prometheus scrapes this with `Authorization: Bearer <METRICS_TOKEN>`; 404 while no token is set.
export const GET = route(async (request) => {
  assertMetricsAccess(request);
  return new Response(await scrapeMetrics(db()), { headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' } });
});
