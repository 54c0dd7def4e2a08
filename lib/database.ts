import { createDatabase, type Database } from '@/db/client';
import { env, requireDatabaseUrl } from '@/lib/env';

// The process's pools, configured from lib/env. db/ takes its URL and pool size as arguments and knows
// nothing of lib/; this is where the configuration meets it.

// One pool per process; kept on globalThis so `next dev` hot reloads do not leak connections.
const holder = globalThis as unknown as { __rendezvousDb?: Database; __rendezvousJobsDb?: Database; __rendezvousReplica?: Database };

export function db(): Database {
  holder.__rendezvousDb ??= createDatabase(requireDatabaseUrl(), { max: env().DATABASE_POOL_MAX });
  return holder.__rendezvousDb;
}

/**
 * The job runner's own small pool (inngest/: inline runs, /api/inngest steps, the sweeps): a burst of
 * emails and webhook deliveries queues on these connections, never in front of a request's queries.
 */
export function jobsDb(): Database {
  holder.__rendezvousJobsDb ??= createDatabase(requireDatabaseUrl(), { max: env().DATABASE_JOBS_POOL_MAX });
  return holder.__rendezvousJobsDb;
}

/** Slot reads go to the replica when one is configured. */
export function readDb(): Database {
  const replicaUrl = env().DATABASE_REPLICA_URL;
  if (!replicaUrl) return db();
  holder.__rendezvousReplica ??= createDatabase(replicaUrl, { max: env().DATABASE_POOL_MAX });
  return holder.__rendezvousReplica;
}
