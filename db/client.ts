import { drizzle } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema';

/**
 * drizzle sends every query with `prepare: false` unless it is named, and postgres.js then describes
 * each statement with parameters before running it: two round trips, and nothing pipelines behind it.
 * Named statements (postgres.js's own default) are described once per connection; after that a query
 * is one round trip, and statements issued together share one. This passes drizzle's queries through
 * with `prepare: true`, also inside transactions and savepoints.
 */
function preparing(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, args?: never[], options?: Record<string, unknown>) => target.unsafe(query, args, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const work = args.pop() as (scoped: Sql) => unknown;
          const open = (target as unknown as Record<typeof property, (...all: unknown[]) => unknown>)[property];
          return open(...args, (scoped: Sql) => work(preparing(scoped)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

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
  return Object.assign(drizzle(preparing(client), { schema }), { close: () => client.end({ timeout: 5 }) });
}

export type Database = ReturnType<typeof createDatabase>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Queries take either, so a service can compose them in one transaction and tests can roll back. */
export type Queryable = Database | Transaction;
