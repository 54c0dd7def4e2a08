import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { resetEnvForTests } from '@/lib/env';
import { createMigratedDatabase } from '../setup/test-database';

// A database of this file's own. Outbox sweeps and reminder scans read every pending row, so tests
// of background jobs must not see (or dispatch) rows other files are writing at the same time.
// Points DATABASE_URL, and so the app's db() and jobsDb(), at it for the whole file.

const holder = globalThis as unknown as { __rendezvousDb?: Database; __rendezvousJobsDb?: Database };

/** Closes the app's pools (db() and the job runner's jobsDb()), so the next call opens them on DATABASE_URL. */
async function closeAppPools(): Promise<void> {
  await Promise.all([holder.__rendezvousDb?.close(), holder.__rendezvousJobsDb?.close()]);
  holder.__rendezvousDb = undefined;
  holder.__rendezvousJobsDb = undefined;
}

export function isolatedDatabase(prefix: string): { database: () => Database } {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createMigratedDatabase({ adminUrl: inject('adminDatabaseUrl'), stop: async () => {} }, prefix);
    drop = created.drop;
    process.env.DATABASE_URL = created.url;
    resetEnvForTests();
    await closeAppPools();
    database = createDatabase(created.url);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await closeAppPools();
    await drop?.();
  });
  return {
    database: () => {
      if (!database) throw new Error('isolatedDatabase: not ready before beforeAll');
      return database;
    },
  };
}
