import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { ensureDatabase } from '@/db/bootstrap';
import { isAlive, startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { dropDatabase } from '@/tests/setup/test-database';
import { onCleanup, withTimeout } from './lifecycle';

// BENCH_DATABASE_URL (a superuser URL) gets a fresh, uniquely-named database that is dropped at the
// end; without it, a throwaway embedded cluster whose data is deleted when it stops.

export interface BenchDatabase {
  url: string;
  /** Where the server came from, for the report. */
  source: 'BENCH_DATABASE_URL' | 'embedded';
  postgresVersion: string;
}

/** Clusters left by runs that were killed outright (no cleanup ran); their owner process is gone. */
function removeAbandonedClusters(dataRoot: string): void {
  if (!existsSync(dataRoot)) return;
  for (const entry of readdirSync(dataRoot)) {
    const pid = /^bench-postgres-(\d+)$/.exec(entry)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(path.join(dataRoot, entry), { recursive: true, force: true });
  }
}

async function benchServerAdminUrl(): Promise<{ adminUrl: string; source: BenchDatabase['source'] }> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    console.log(`[bench] Postgres: BENCH_DATABASE_URL (${new URL(external).host})`);
    return { adminUrl: external, source: 'BENCH_DATABASE_URL' };
  }
  const dataRoot = path.join(process.cwd(), '.data');
  removeAbandonedClusters(dataRoot);
  const dataDir = path.join(dataRoot, `bench-postgres-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  onCleanup('stop embedded Postgres', async () => {
    // After Ctrl-C in a terminal Postgres got the signal too; once it is gone (no postmaster.pid)
    // stop() would wait forever. The data folder is removed whatever happened.
    try {
      if (existsSync(path.join(dataDir, 'postmaster.pid'))) await withTimeout(server.stop(), 5_000, 'stopping embedded Postgres');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  console.log(`[bench] Postgres: embedded, 127.0.0.1:${server.port} (set BENCH_DATABASE_URL to use your own)`);
  return { adminUrl: server.adminUrl, source: 'embedded' };
}

async function serverVersion(url: string): Promise<string> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ server_version: string }[]>`show server_version`;
    return row?.server_version ?? 'unknown';
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const { adminUrl, source } = await benchServerAdminUrl();
  const name = `rendezvous_bench_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  // An embedded cluster is deleted whole; a database on someone's server must not outlive the run.
  if (source === 'BENCH_DATABASE_URL') onCleanup(`drop database ${name}`, () => dropDatabase(adminUrl, name));
  await migrateDatabase(url);
  return { url, source, postgresVersion: await serverVersion(url) };
}
