import type { Queryable } from '@/db/client';
import { env } from '@/lib/env';
import { AppError, notFound } from '@/lib/errors';
import { installedJobsHandoff } from '@/lib/jobs/handoff';
import { measureOutboxBacklog } from '@/lib/jobs/outbox-backlog';
import { errorField, log } from '@/lib/log';
import { recordOutboxBacklog } from '@/lib/metrics/counters';
import { metricsText } from '@/lib/metrics/registry';
import { hashToken, tokenMatches } from '@/lib/secrets/token-hash';
import { withinTime } from './within-time';

// GET /api/metrics, below HTTP. Off (404, as if there were no such route) until METRICS_TOKEN is
// set; then only `Authorization: Bearer <METRICS_TOKEN>` is let in (compared in constant time; the
// token is at least 32 characters, so guessing is hopeless without a rate limit). The outbox backlog
// is measured at scrape time: one query, bounded like the readiness checks. With a jobs worker, its
// registry is asked for over the IPC channel and merged in.

const BACKLOG_TIMEOUT_MS = 2_000;

export function assertMetricsAccess(request: Request): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw notFound('Page');
  const presented = /^Bearer +(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!presented || !tokenMatches(presented, hashToken(token))) {
    throw new AppError('unauthorized', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
  }
}

/** The registry as Prometheus text, with the outbox backlog just measured (NaN when the database did not answer). */
export async function scrapeMetrics(database: Queryable): Promise<string> {
  try {
    recordOutboxBacklog(await withinTime(measureOutboxBacklog(database), BACKLOG_TIMEOUT_MS));
  } catch (error) {
    log().warn({ component: 'metrics', err: errorField(error) }, 'outbox backlog not measured');
    recordOutboxBacklog({ oldestAgeSeconds: Number.NaN, pending: Number.NaN });
  }
  const handoff = installedJobsHandoff();
  if (!handoff) return metricsText();
  // The jobs worker counts the job failures, deliveries and syncs. Its last answer stands in when it
  // does not answer (starved or restarting): summed counters that dropped would read as resets.
  const fresh = await handoff.workerMetrics();
  if (fresh) holder.__rendezvousWorkerMetrics = fresh;
  const last = holder.__rendezvousWorkerMetrics;
  return metricsText(fresh ? [fresh] : last ? [markedDown(last)] : []);
}

const holder = globalThis as unknown as { __rendezvousWorkerMetrics?: unknown[] };

/** The worker's last answer with its up gauge at 0. */
function markedDown(metrics: unknown[]): unknown[] {
  return metrics.map((metric) => ((metric as { name?: unknown }).name === 'rendezvous_jobs_worker_up' ? { ...(metric as object), values: [{ value: 0, labels: {} }] } : metric));
}
