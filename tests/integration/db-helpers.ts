import { afterAll } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { requireDatabaseUrl } from '@/lib/env';

/** A pool for this test file, closed after it. */
export function connectTestDatabase(options: { max?: number } = {}): Database {
  const database = createDatabase(requireDatabaseUrl(), options);
  afterAll(() => database.close());
  return database;
}

/** The SQLSTATE of a Postgres error, however drizzle wrapped it. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if ('code' in current && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
