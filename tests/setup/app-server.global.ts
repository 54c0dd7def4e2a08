import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '@/db/client';
import { seedDemoHost } from '@/lib/hosts/demo-seed';
import { buildOnce, startProductionServer } from './production-server';
import { createMigratedDatabase, startTestServer, type TestServer } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserPath: string;
    e2eDatabaseUrl: string;
  }
}

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

// One production build, one server (scripts/serve.ts) on a free loopback port, one seeded database for the whole suite.
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

  buildOnce(database.url);
  const app = await startProductionServer(database.url);
  const baseUrl = app.baseUrl;

  project.provide('baseUrl', baseUrl);
  project.provide('browserPath', browserPath ?? '');
  project.provide('e2eDatabaseUrl', database.url);

  return async () => {
    await app.stop();
    if (app.output.some((chunk) => /Error|⨯/.test(chunk))) console.log(`[e2e] server output:\n${app.output.join('')}`);
    await database.drop();
    await server.stop();
    if (!browserPath) warnNoBrowser();
  };
}
