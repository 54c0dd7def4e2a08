import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

// db/ knows nothing of lib/: the URL and pool size come in as arguments (lib/database.ts holds the
// process's pools, configured from lib/env).
export function createDatabase(url: string, options: { max?: number; onQuery?: (sql: string) => void } = {}) {
  const { onQuery } = options;
  const client = postgres(url, {
    max: options.max ?? 10,
    ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
    onnotice: () => {},
    // Instants travel as ISO strings; Postgres returns timestamptz, drizzle maps to Date.
    connection: { TimeZone: 'UTC' },
  });
  return Object.assign(drizzle(client, { schema }), { close: () => client.end({ timeout: 5 }) });
}

export type Database = ReturnType<typeof createDatabase>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Queries take either, so a service can compose them in one transaction and tests can roll back. */
export type Queryable = Database | Transaction;
