import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '@/db/client';
import { findFreePort } from '@/db/embedded';
import { seedDemoHost } from '@/db/seed';
import { createMigratedDatabase, startTestServer, type TestServer } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserPath: string;
    e2eDatabaseUrl: string;
  }
}

const distDir = '.next-e2e';
const nextBin = path.join(process.cwd(), 'node_modules', '.bin', 'next');

export function findBrowser(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p));
}

function warnNoBrowser(): void {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! E2E BROWSER TESTS DID NOT RUN: no Chromium at $CHROME_PATH or /usr/bin/chromium.\n` +
      `!! Install Debian's browser to run them:  sudo apt-get install -y chromium\n` +
      `!! (or point CHROME_PATH at an existing Chromium/Chrome binary). CI always installs it.\n${line}\n`,
  );
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs} ms`);
}

// One production build, one `next start` on a free loopback port, one seeded database for the whole suite.
export default async function setup(project: TestProject) {
  const browserPath = findBrowser();
  if (!browserPath) {
    // CI always installs Chromium: there a missing browser is a failure, never a silent skip.
    if (process.env.CI) throw new Error('CI=true but no Chromium found at $CHROME_PATH or /usr/bin/chromium');
    warnNoBrowser();
  }

  const server = await startTestServer();
  try {
    return await startApp(project, server, browserPath);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function startApp(project: TestProject, server: TestServer, browserPath: string | undefined) {
  const database = await createMigratedDatabase(server, 'rendezvous_e2e');
  const seeded = createDatabase(database.url, { max: 1 });
  await seedDemoHost(seeded);
  await seeded.close();

  const childEnv = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: database.url };
  if (process.env.E2E_REUSE_BUILD !== '1' || !existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.log('[e2e] next build (production)…');
    const build = spawnSync(nextBin, ['build'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }

  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = spawn(nextBin, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...childEnv, APP_URL: baseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  app.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  app.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await waitForServer(baseUrl, app, 60_000);
  } catch (error) {
    app.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }

  project.provide('baseUrl', baseUrl);
  project.provide('browserPath', browserPath ?? '');
  project.provide('e2eDatabaseUrl', database.url);

  return async () => {
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    if (output.some((chunk) => /Error|⨯/.test(chunk))) console.log(`[e2e] server output:\n${output.join('')}`);
    await database.drop();
    await server.stop();
    if (!browserPath) warnNoBrowser();
  };
}
