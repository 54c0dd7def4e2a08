import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { migrationStatus } from '@/db/migration-status';
import type { CacheStore } from '@/lib/cache';
import { AppError, sqlStateOf } from '@/lib/errors';
import { errorField, log } from '@/lib/log';
import { CheckTimeout, withinTime } from './within-time';

// GET /api/ready, below HTTP: can this instance serve? The database answers a trivial query, the
// cache store answers a read (Upstash when configured, else the in-process store), and the database
// has every migration this build knows. The three run at once, each bounded by CHECK_TIMEOUT_MS, so
// a probe answers within about that long. Reasons are fixed words: a stranger may call the probe,
// so addresses and driver messages go to the log only.

export const CHECK_TIMEOUT_MS = 2_000;

export const readinessChecks = ['database', 'cache', 'migrations'] as const;
export type ReadinessCheck = (typeof readinessChecks)[number];

export type CheckResult = { status: 'ok'; durationMs: number } | { status: 'failed'; durationMs: number; reason: 'timeout' | 'unreachable' | 'migrations_pending'; pending?: string[] };

export interface Readiness {
  ready: boolean;
  checks: Record<ReadinessCheck, CheckResult>;
}

export interface ReadinessDeps {
  database: Queryable;
  store: CacheStore;
  timeoutMs?: number;
}

class MigrationsPending extends Error {
  constructor(readonly pending: string[]) {
    super(`${pending.length} migration(s) not applied`);
  }
}

async function runCheck(name: ReadinessCheck, work: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    await withinTime(work(), timeoutMs);
    return { status: 'ok', durationMs: durationMs() };
  } catch (error) {
    log().warn({ component: 'readiness', check: name, err: errorField(error, false) }, `readiness check failed: ${name}`);
    if (error instanceof MigrationsPending) return { status: 'failed', durationMs: durationMs(), reason: 'migrations_pending', pending: error.pending };
    return { status: 'failed', durationMs: durationMs(), reason: error instanceof CheckTimeout ? 'timeout' : 'unreachable' };
  }
}

async function assertMigrated(database: Queryable): Promise<void> {
  try {
    const { pending } = await migrationStatus(database);
    if (pending.length > 0) throw new MigrationsPending(pending);
  } catch (error) {
    // No drizzle.__drizzle_migrations at all: nothing was ever migrated here.
    if (sqlStateOf(error) === '42P01' || sqlStateOf(error) === '3F000') throw new MigrationsPending(['all']);
    throw error;
  }
}

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? CHECK_TIMEOUT_MS;
  const [database, cache, migrations] = await Promise.all([
    runCheck('database', () => deps.database.execute(sql`select 1`), timeoutMs),
    runCheck('cache', () => deps.store.getJson('rdv:readiness-probe'), timeoutMs),
    runCheck('migrations', () => assertMigrated(deps.database), timeoutMs),
  ]);
  const checks = { database, cache, migrations };
  return { ready: Object.values(checks).every((check) => check.status === 'ok'), checks };
}

let inFlight: Promise<Readiness> | undefined;

/**
 * The probe's answer: the checks when all passed, else 503 not_ready naming the failed ones. Probes
 * arriving while a run is under way share it, so a flood of them costs one run at a time.
 */
export async function assertReady(deps: ReadinessDeps): Promise<Readiness['checks']> {
  inFlight ??= checkReadiness(deps).finally(() => {
    inFlight = undefined;
  });
  const { ready, checks } = await inFlight;
  if (ready) return checks;
  const failed = readinessChecks.filter((name) => checks[name].status !== 'ok');
  throw new AppError('not_ready', `Not ready: ${failed.join(', ')}`, { details: { failed, checks } });
}
