import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env, requireDatabaseUrl } from '@/lib/env';
import * as schema from './schema';

export function createDatabase(url: string, options: { max?: number; onQuery?: (sql: string) => void } = {}) {
  const { onQuery } = options;
  const client = postgres(url, {
    max: options.max ?? env().DATABASE_POOL_MAX,
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

// One pool per process; kept on globalThis so `next dev` hot reloads do not leak connections.
const holder = globalThis as unknown as { __rendezvousDb?: Database };

export function db(): Database {
  holder.__rendezvousDb ??= createDatabase(requireDatabaseUrl());
  return holder.__rendezvousDb;
}

/** Slot reads go to the replica when one is configured. */
const replicaHolder = globalThis as unknown as { __rendezvousReplica?: Database };
export function readDb(): Database {
  const replicaUrl = env().DATABASE_REPLICA_URL;
  if (!replicaUrl) return db();
  replicaHolder.__rendezvousReplica ??= createDatabase(replicaUrl);
  return replicaHolder.__rendezvousReplica;
}
