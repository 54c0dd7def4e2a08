import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import type { AppServer } from './app-server';
import { type LoadTarget, runLoad } from './load';

// `only.ts --cost`: CPU time per request instead of requests per second. On a machine shared with
// other work, throughput moves with the neighbours' load; the CPU that the app server and its Postgres
// backends spend per request moves far less, so before/after comparisons hold. Linux only (/proc).
// Postgres's own background processes (WAL writer, checkpointer) are not counted.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const CONNECTIONS = 10;

export interface CpuCost {
  requests: number;
  non2xx: number;
  /** CPU milliseconds per request: the app server (with its inline jobs), its Postgres backends, both. */
  appMs: number;
  postgresMs: number;
  totalMs: number;
}

function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // exited
    }
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

async function backendPids(databaseUrl: string): Promise<number[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`;
    return rows.map((row) => row.pid);
  } finally {
    await sql.end();
  }
}

/** Waits until the server has been idle for half a second (inline jobs after bookings included), at most 60 s. */
async function settled(server: AppServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = cpuMs(server.pids());
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuMs(server.pids());
    if (now - last < 20) return;
    last = now;
  }
}

export async function measureCpuCost(name: string, target: LoadTarget, server: AppServer, databaseUrl: string, seconds = 8): Promise<CpuCost> {
  console.log(`[bench] ${name}: CPU per request (${CONNECTIONS} connections, ${seconds} s)…`);
  await runLoad(target, { connections: CONNECTIONS, durationSeconds: 2 });
  await settled(server);
  const backendsBefore = await backendPids(databaseUrl);
  const appBefore = cpuMs(server.pids());
  const postgresBefore = cpuMs(backendsBefore);
  const load = await runLoad(target, { connections: CONNECTIONS, durationSeconds: seconds });
  await settled(server);
  const backends = [...new Set([...backendsBefore, ...(await backendPids(databaseUrl))])];
  const appMs = (cpuMs(server.pids()) - appBefore) / load.responses;
  // A backend that opened during the run counts whole (its start-up is part of the run's cost).
  const postgresMs = (cpuMs(backends) - postgresBefore) / load.responses;
  return { requests: load.responses, non2xx: load.non2xx, appMs, postgresMs, totalMs: appMs + postgresMs };
}
