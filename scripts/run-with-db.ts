// Runs a command (next dev / next start) against a ready database.
// DATABASE_URL unset: start the embedded Postgres in .data/, migrate, seed the demo host (never in
// production: its password is published), and stop it on exit.
// DATABASE_URL set: migrate that database and never start a server of our own.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startDevDatabase } from '@/db/bootstrap';
import { createDatabase } from '@/db/client';
import type { EmbeddedDatabase } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoHost } from '@/lib/hosts/accounts/demo-host';
import { authUrl, env, nodeOptionsWithHeapCap } from '@/lib/env';


let embedded: EmbeddedDatabase | undefined;

async function prepareDatabase(): Promise<string> {
  // Validates the whole configuration first: a production start without AUTH_SECRET stops here.
  const config = env();
  let url = config.DATABASE_URL;
  if (!url) {
    console.log('[rendezvous] DATABASE_URL is not set: starting the embedded Postgres (.data/postgres)…');
    const started = await startDevDatabase((line) => {
      if (/error|fatal/i.test(line)) console.error(`[postgres] ${line}`);
    });
    embedded = started.server;
    url = started.url;
  }
  await migrateDatabase(url);
  if (embedded && config.NODE_ENV !== 'production') {
    const database = createDatabase(url, { max: 1 });
    if (await seedDemoHost(database)) {
      console.log('[rendezvous] seeded the demo host: /demo (sign in as demo@example.com / demo-password)');
    }
    await database.close();
  }
  return url;
}

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await embedded?.stop().catch((error: unknown) => console.error('[rendezvous] stopping Postgres failed', error));
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: tsx scripts/run-with-db.ts <command> [args...]');
    process.exit(2);
  }
  const url = await prepareDatabase();
  const binPath = path.join(process.cwd(), 'node_modules', '.bin');
  const config = env();
  // The production server's V8 heap flags (lib/env.ts nodeOptionsWithHeapCap); `next dev` keeps V8's defaults.
  const nodeOptions = config.NODE_ENV === 'production' ? nodeOptionsWithHeapCap(process.env.NODE_OPTIONS, config.NODE_MAX_OLD_SPACE_MB) : process.env.NODE_OPTIONS;
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${binPath}${path.delimiter}${process.env.PATH ?? ''}`,
      DATABASE_URL: url,
      // Auth.js's origin is APP_URL (see lib/env.ts authUrl), also under `next dev`.
      AUTH_URL: authUrl(),
      NEXT_TELEMETRY_DISABLED: '1',
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    },
  });
  child.on('error', (error) => {
    console.error(`[rendezvous] could not run ${command}:`, error.message);
    void shutdown(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
}

main().catch(async (error: unknown) => {
  console.error('[rendezvous] could not start:', error);
  await shutdown(1);
});
