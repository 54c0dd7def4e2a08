import { afterAll } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { requireDatabaseUrl } from '@/lib/env';

/** A pool for this test file, closed after it. */
export function connectTestDatabase(options: { max?: number } = {}): Database {
  const database = createDatabase(requireDatabaseUrl(), options);
  afterAll(() => database.close());
  return database;
}
