import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '@/db/embedded';

// The app as production runs it: one `next build` into .next-e2e, served by scripts/serve.ts
// (what `npm start` runs) on a free loopback port.

export const e2eDistDir = '.next-e2e';
const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

export function buildOnce(databaseUrl: string): void {
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync(path.join(e2eDistDir, 'BUILD_ID'))) return;
  console.log('[e2e] next build (production)…');
  const build = spawnSync(bin('next'), ['build'], {
    env: { ...process.env, NEXT_DIST_DIR: e2eDistDir, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

export interface RunningServer {
  baseUrl: string;
  /** APP_URL: baseUrl, or http://{publicHost}:{port} when started with one. */
  appUrl: string;
  output: string[];
  stop(): Promise<void>;
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Starts the built app; `env` adds or overrides variables (rate limits are off unless given). With
 * `npmStart`, runs `npm start` exactly as an operator would: PORT from the environment, listening on
 * its default address 0.0.0.0. With `publicHost`, APP_URL names that host (a browser maps it to
 * 127.0.0.1): Next.js reports loopback addresses and 0.0.0.0 alike as "localhost", so only a real name
 * shows whether the app uses APP_URL or the address it listens on.
 */
export async function startProductionServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { npmStart?: boolean; publicHost?: string } = {},
): Promise<RunningServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const appUrl = options.publicHost ? `http://${options.publicHost}:${port}` : baseUrl;
  const [command, args] = options.npmStart ? ['npm', ['start', '--silent']] : [bin('tsx'), ['scripts/serve.ts', String(port), '127.0.0.1']];
  const child = spawn(command, args, {
    // npm start runs the server a few processes down: its own group, so stop() reaches all of them.
    detached: Boolean(options.npmStart),
    env: {
      ...process.env,
      NEXT_DIST_DIR: e2eDistDir,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      APP_URL: appUrl,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      // Browser tests click faster than a person; tests about limits turn them on.
      RATE_LIMIT_AVAILABILITY_PER_MINUTE: '0',
      RATE_LIMIT_BOOKINGS_PER_MINUTE: '0',
      RATE_LIMIT_API_KEY_FAILURES_PER_CLIENT: '0',
      // The default mode: jobs in the app process, mail captured in the database.
      JOBS: 'inline',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitForServer(`${baseUrl}/api/health`, child, 60_000);
  } catch (error) {
    if (options.npmStart && child.pid) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }
  return {
    baseUrl,
    appUrl,
    output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (options.npmStart && child.pid) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
      await exited;
    },
  };
}
