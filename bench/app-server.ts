import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { findFreePort } from '@/db/embedded';
import { maxOldSpaceMb, nodeOptionsWithHeapCap } from '@/lib/env';
import { BENCH_DIST_DIR } from './build';
import { assertNotStopping, onCleanup, onExitKill, withTimeout } from './lifecycle';
import { processTree, signalAll } from './process-tree';

// The production server exactly as `npm start` runs it (scripts/serve.ts), on a free loopback port.

const tsxBin = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

// App settings a developer's shell might carry that would change what is measured (e.g. Redis).
const inheritedAppSettings = [
  'DATABASE_REPLICA_URL',
  'UPSTASH_REDIS_REST_URL',
  'UPSTASH_REDIS_REST_TOKEN',
  'SLOT_CACHE_TTL_SECONDS',
  'TRUST_PROXY',
  'INNGEST_EVENT_KEY',
  'INNGEST_SIGNING_KEY',
  'INNGEST_DEV',
  'RESEND_API_KEY',
  'RESEND_BASE_URL',
  'PORT',
];

export interface AppServer {
  baseUrl: string;
  /** The server's processes (tsx and the node process it starts), for CPU accounting. */
  pids(): number[];
  /** The last of what the server printed (e.g. `--trace-gc` lines). */
  output(): string;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  databaseUrl: string;
  /** Unset: the app's default TTL. 0 turns the slot cache off. */
  slotCacheTtlSeconds?: number;
  /** More variables for this server (e.g. ICS_ALLOW_PRIVATE_NETWORKS for feeds served from loopback). */
  env?: Record<string, string>;
  /** Node.js flags for the server process (e.g. --cpu-prof; NODE_OPTIONS refuses it). */
  nodeArgs?: string[];
}

function serverEnv(options: AppServerOptions, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inheritedAppSettings) delete env[name];
  return {
    ...env,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    APP_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_AVAILABILITY_PER_MINUTE: '0',
    RATE_LIMIT_BOOKINGS_PER_MINUTE: '0',
    // The booking scenario makes thousands of bookings per host and hour on purpose.
    RATE_LIMIT_BOOKINGS_PER_MEETING_TYPE_PER_HOUR: '0',
    RATE_LIMIT_BOOKINGS_PER_EMAIL_PER_HOUR: '0',
    DATABASE_POOL_MAX: '20',
    // Jobs in the app process and mail captured: the default a host gets from `npm run dev`.
    JOBS: 'inline',
    // The V8 heap flags `npm start` sets (scripts/run-with-db.ts): measured as it runs in production.
    NODE_OPTIONS: nodeOptionsWithHeapCap(env.NODE_OPTIONS, maxOldSpaceMb.parse(env.NODE_MAX_OLD_SPACE_MB)),
    ...(options.slotCacheTtlSeconds === undefined ? {} : { SLOT_CACHE_TTL_SECONDS: String(options.slotCacheTtlSeconds) }),
    ...options.env,
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited early (code ${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs} ms:\n${output()}`);
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  assertNotStopping();
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Not detached: a Ctrl-C in the terminal reaches the server directly, even if this process dies first.
  const child = spawn(tsxBin, [...(options.nodeArgs ?? []), 'scripts/serve.ts', String(port), '127.0.0.1'], {
    env: serverEnv(options, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString());
    if (lines.length > 200) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // tsx and the node process it starts (listed once the app answers, and again when stopping).
  let pids = child.pid === undefined ? [] : [child.pid];
  const unregisterKill = onExitKill(() => signalAll(pids, 'SIGKILL'));

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) pids = processTree(child.pid);
    signalAll(pids, 'SIGTERM');
    // A server under --cpu-prof writes its profile as it exits: give it time to.
    await withTimeout(exited, options.nodeArgs?.length ? 60_000 : 5_000, 'app server shutdown').catch(() => signalAll(pids, 'SIGKILL'));
    await withTimeout(exited, 5_000, 'app server kill').catch(() => {});
    unregisterKill();
  };
  const unregisterCleanup = onCleanup(`stop app server :${port}`, stop);
  try {
    await waitForHealth(baseUrl, child, () => lines.join(''), 60_000);
    if (child.pid !== undefined) pids = processTree(child.pid);
  } catch (error) {
    unregisterCleanup();
    await stop();
    throw error;
  }
  const ttl = options.slotCacheTtlSeconds === undefined ? 'default' : String(options.slotCacheTtlSeconds);
  console.log(`[bench] app server on ${baseUrl} (SLOT_CACHE_TTL_SECONDS=${ttl})`);
  return {
    baseUrl,
    pids: () => (child.pid === undefined ? [] : processTree(child.pid)),
    output: () => lines.join(''),
    stop: async () => {
      unregisterCleanup();
      await stop();
    },
  };
}
