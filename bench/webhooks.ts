import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import type { LoadResult } from './load';
import { databaseNow, drainOutbox } from './outbox';
import { runOpenLoop } from './open-loop';
import type { UniqueBookings } from './scenarios';
import { type Summary, summarise } from './stats';

// Webhook fan-out in the default inline mode: every booking host has 3 endpoints (local receivers
// answering 200 at once) subscribed to booking.created; bookings arrive at 20/s (open loop). Judged:
// the booking replies' p95 (must stay under the booking target) and each delivery's latency, the
// receiver's arrival time minus the booking's created_at (the transaction's start, from Postgres).
// A control first, in the same run: the same booking load with no endpoints, so the report can say
// what the fan-out adds to the booking replies (its jobs drain before the fan-out starts).

export const WEBHOOK_LOAD = { rate: 20, durationSeconds: 15, connections: 16, endpointsPerHost: 3 } as const;
const DRAIN_TIMEOUT_MS = 60_000;
const tsxBin = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

export interface WebhookFanOut {
  /** The same booking load on the same server just before, with no endpoints. */
  control: LoadResult;
  offered: LoadResult;
  bookings: number;
  /** Deliveries the receivers got (first arrival per webhook-id). */
  delivered: number;
  expected: number;
  /** Arrivals with a webhook-id seen before (retries; 0 when every first attempt succeeded). */
  repeats: number;
  latencyMs: Summary;
  maxMs: number;
}

interface Arrival {
  bookingId: string;
  at: number;
}

function startReceiver(arrivals: Map<string, Arrival>, counts: { repeats: number }): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = Date.now();
      const id = String(request.headers['webhook-id']);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { booking?: { id?: string } } };
      if (arrivals.has(id)) counts.repeats += 1;
      else arrivals.set(id, { bookingId: body.data?.booking?.id ?? '', at });
      response.writeHead(200).end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` })));
}

async function seedEndpoints(databaseUrl: string, hostIds: string[], urls: string[]): Promise<void> {
  const child = spawn(tsxBin, ['--conditions=react-server', 'bench/webhook-seed.ts', databaseUrl, ...urls], { stdio: ['pipe', 'inherit', 'inherit'] });
  child.stdin.end(hostIds.join('\n'));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`webhook-seed exited with ${code}`);
}

/** The server at baseUrl must run with WEBHOOK_ALLOW_PRIVATE_TARGETS=1 (the receivers are on loopback). */
export async function measureWebhookFanOut(baseUrl: string, databaseUrl: string, source: UniqueBookings, meetingTypeIds: readonly string[]): Promise<WebhookFanOut> {
  const database = createDatabase(databaseUrl, { max: 2 });
  const arrivals = new Map<string, Arrival>();
  const counts = { repeats: 0 };
  const receivers = await Promise.all(Array.from({ length: WEBHOOK_LOAD.endpointsPerHost }, () => startReceiver(arrivals, counts)));
  try {
    const hosts = (await database.execute<{ id: string }>(sql`select distinct user_id as id from meeting_types where id = any(${`{${meetingTypeIds.join(',')}}`}::uuid[])`)) as unknown as { id: string }[];
    const load = { connections: WEBHOOK_LOAD.connections, durationSeconds: WEBHOOK_LOAD.durationSeconds, overallRate: WEBHOOK_LOAD.rate };
    const controlSince = await databaseNow(database);
    const control = await runOpenLoop(source.target(baseUrl), load);
    await drainOutbox(database, controlSince, DRAIN_TIMEOUT_MS);
    await seedEndpoints(databaseUrl, hosts.map((host) => host.id), receivers.map((receiver) => receiver.url));
    const since = await databaseNow(database);
    const offered = await runOpenLoop(source.target(baseUrl), load);
    const made = (await database.execute<{ id: string; created: string }>(sql`
      select id, (extract(epoch from created_at) * 1000)::float8 as created from bookings where created_at >= ${since}::timestamptz`)) as unknown as { id: string; created: string | number }[];
    const expected = made.length * WEBHOOK_LOAD.endpointsPerHost;
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (arrivals.size < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    const createdAt = new Map(made.map((row) => [row.id, Number(row.created)]));
    const samples = [...arrivals.values()].filter((arrival) => createdAt.has(arrival.bookingId)).map((arrival) => arrival.at - createdAt.get(arrival.bookingId)!);
    return { control, offered, bookings: made.length, delivered: samples.length, expected, repeats: counts.repeats, latencyMs: summarise(samples), maxMs: samples.length ? Math.max(...samples) : Number.NaN };
  } finally {
    // The scenarios after this one measure bookings without webhooks.
    await database.execute(sql`delete from webhook_endpoints`);
    await database.close();
    await Promise.all(receivers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  }
}
