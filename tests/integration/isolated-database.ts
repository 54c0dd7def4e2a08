import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { resetEnvForTests } from '@/lib/env';
import { createMigratedDatabase } from '../setup/test-database';

// A database of this file's own. Outbox sweeps and reminder scans read every pending row, so tests
// of background jobs must not see (or dispatch) rows other files are writing at the same time.
// Points DATABASE_URL, and so the app's db(), at it for the whole file.

const holder = globalThis as unknown as { __rendezvousDb?: Database };

export function isolatedDatabase(prefix: string): { database: () => Database } {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createMigratedDatabase({ adminUrl: inject('adminDatabaseUrl'), stop: async () => {} }, prefix);
    drop = created.drop;
    process.env.DATABASE_URL = created.url;
    resetEnvForTests();
    await holder.__rendezvousDb?.close();
    holder.__rendezvousDb = undefined;
    database = createDatabase(created.url);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await holder.__rendezvousDb?.close();
    holder.__rendezvousDb = undefined;
    await drop?.();
  });
  return {
    database: () => {
      if (!database) throw new Error('isolatedDatabase: not ready before beforeAll');
      return database;
    },
  };
}
