import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { createBookableHost, inviteeFor } from '../factories';
import { startProductionServer, type RunningServer } from '../setup/production-server';
import { withSql } from './database';

// JOBS=inline under the production server: the jobs run in a second process at the lowest CPU priority
// (scripts/jobs-worker.ts, lib/jobs/handoff.ts), which the server restarts if it dies and takes down
// with it; a metrics scrape includes its counters and does not hang on it.

const databaseUrl = inject('e2eDatabaseUrl');
const token = randomBytes(32).toString('hex');
const slots = ['2027-01-11T15:00:00.000Z', '2027-01-11T16:00:00.000Z', '2027-01-11T17:00:00.000Z'];
let server: RunningServer;
/** Every server a test started, stopped after all (a failing test leaves its own running otherwise). */
const started: RunningServer[] = [];
let database: Database;
let meetingTypeId: string;

interface ProcessInfo {
  pid: number;
  ppid: number;
  nice: number;
  /** The scheduling policy: 5 is SCHED_IDLE. */
  policy: number;
  args: string;
}

const SCHED_IDLE = 5;
/** The supervisor uses chrt(1) where there is one that works (Debian's util-linux has it). */
const hasChrt = ['/usr/bin/chrt', '/bin/chrt'].some((path) => existsSync(path));

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      found.push({ pid: Number(entry), ppid: Number(fields[1]), nice: Number(fields[16]), policy: Number(fields[38]), args });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** This server's jobs worker: a jobs-worker.ts process whose parent serves this server's port. */
function workerOf(port: string): ProcessInfo | undefined {
  const all = processes();
  const servers = new Set(all.filter((p) => p.args.includes(`scripts/serve.ts ${port} `)).map((p) => p.pid));
  return all.find((p) => servers.has(p.ppid) && p.args.includes('scripts/jobs-worker.ts'));
}

async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function bookAndAwaitMail(start: string): Promise<string[]> {
  const reply = await fetch(`${server.baseUrl}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inviteeFor(meetingTypeId, start)),
  });
  expect(reply.status).toBe(201);
  const { booking } = (await reply.json()) as { booking: { id: string } };
  return eventually(`the confirmation emails of ${booking.id}`, () =>
    withSql(async (sql) => {
      const rows = await sql<{ status: string }[]>`select status from email_notifications where booking_id = ${booking.id}`;
      return rows.length === 2 ? rows.map((row) => row.status) : undefined;
    }),
  );
}

beforeAll(async () => {
  database = createDatabase(databaseUrl, { max: 2 });
  meetingTypeId = (await createBookableHost(database)).meetingType.id;
  server = await startProductionServer(databaseUrl, { METRICS_TOKEN: token });
  started.push(server);
}, 90_000);
afterAll(async () => {
  await Promise.all(started.map((each) => each.stop()));
  await database?.close();
});

describe('the jobs worker', () => {
  it('runs the jobs at a lower priority, comes back after a crash, and leaves with the server', async () => {
    const port = new URL(server.baseUrl).port;
    const worker = await eventually('the jobs worker', () => workerOf(port));
    expect(worker.nice).toBe(19);
    if (hasChrt) expect(worker.policy).toBe(SCHED_IDLE);
    expect(await bookAndAwaitMail(slots[0]!)).toEqual(['captured', 'captured']);

    process.kill(worker.pid, 'SIGKILL');
    const restarted = await eventually('a new jobs worker', () => {
      const next = workerOf(port);
      return next && next.pid !== worker.pid ? next : undefined;
    });
    expect(restarted.nice).toBe(19);
    expect(await bookAndAwaitMail(slots[1]!)).toEqual(['captured', 'captured']);
    expect(server.output.join('')).toMatch(/jobs worker stopped; restarting/);

    await server.stop();
    await eventually('the worker to exit', () => (processes().some((p) => p.pid === restarted.pid) ? undefined : true), 20_000);
  }, 90_000);

  it('adds the worker’s counters to a scrape, and its last answer when it does not answer', async () => {
    server = await startProductionServer(databaseUrl, { METRICS_TOKEN: token });
    started.push(server);
    const port = new URL(server.baseUrl).port;
    const worker = await eventually('the jobs worker', () => workerOf(port));
    await bookAndAwaitMail(slots[2]!);
    const scrape = () => fetch(`${server.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const merged = await scrape();
    expect(merged.status).toBe(200);
    // The worker's counters are added in, and it says it answered.
    const mergedText = await merged.text();
    expect(mergedText).toMatch(/^rendezvous_bookings_created_total\{via="book"\} [1-9]/m);
    expect(mergedText).toMatch(/^rendezvous_jobs_worker_up 1$/m);
    expect(mergedText).toMatch(/^process_start_time_seconds /m);

    process.kill(worker.pid, 'SIGSTOP');
    try {
      const askedAt = Date.now();
      const alone = await scrape();
      expect(alone.status).toBe(200);
      expect(Date.now() - askedAt).toBeLessThan(10_000);
      // Its last answer stands in (no false counter reset), marked as not answering.
      const aloneText = await alone.text();
      expect(aloneText).toMatch(/^rendezvous_jobs_worker_up 0$/m);
      expect(aloneText).toMatch(/^rendezvous_bookings_created_total\{via="book"\} [1-9]/m);
    } finally {
      process.kill(worker.pid, 'SIGCONT');
    }
  }, 90_000);
});
