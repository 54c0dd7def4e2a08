import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { GET as getReady } from '@/app/api/ready/route';
import { createDatabase, type Database } from '@/db/client';
import { ensureDatabase } from '@/db/bootstrap';
import journal from '@/db/migrations/meta/_journal.json';
import { cacheStore } from '@/lib/cache';
import { checkReadiness } from '@/lib/operations/readiness';
import { uniqueSuffix } from '../factories';
import { createMigratedDatabase, dropDatabase } from '../setup/test-database';
import { setTestEnv } from './env';

const adminUrl = inject('adminDatabaseUrl');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface ReadyReply {
  status?: string;
  checks?: Record<string, { status: string; reason?: string; pending?: string[] }>;
  error?: { code: string; message: string; details: { failed: string[]; checks: Record<string, { status: string; reason?: string; pending?: string[] }> } };
}

async function probe(): Promise<{ status: number; body: ReadyReply }> {
  const response = await getReady(new Request('http://rendezvous.test/api/ready'), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as ReadyReply };
}

function pool(url: string): Database {
  const opened = createDatabase(url, { max: 2 });
  cleanups.push(() => opened.close());
  return opened;
}

/** A TCP server that accepts connections and never says a word: a hung database. */
async function silentServer(): Promise<string> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(resolve);
  }));
  return `postgres://postgres@127.0.0.1:${(server.address() as AddressInfo).port}/silent`;
}

describe('GET /api/ready', () => {
  afterEach(() => setTestEnv({ UPSTASH_REDIS_REST_URL: undefined, UPSTASH_REDIS_REST_TOKEN: undefined }));

  it('answers 200 ready when the database, the cache store and the migrations are all right', async () => {
    const { status, body } = await probe();
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks ?? {})).toEqual(['database', 'cache', 'migrations']);
    expect(Object.values(body.checks ?? {}).map((check) => check.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('answers 503 not_ready naming the cache when the configured Redis cannot be reached', async () => {
    setTestEnv({ UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9', UPSTASH_REDIS_REST_TOKEN: 'no-such-redis' });
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body.error?.code).toBe('not_ready');
    expect(body.error?.message).toBe('Not ready: cache');
    expect(body.error?.details.failed).toEqual(['cache']);
    expect(body.error?.details.checks.cache).toMatchObject({ status: 'failed', reason: 'unreachable' });
    expect(body.error?.details.checks.database?.status).toBe('ok');
    // Nothing internal in what a stranger may read: no address, no driver message.
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('names the migrations when the database is behind this build’s journal, or was never migrated', async () => {
    const migrated = await createMigratedDatabase({ adminUrl, stop: async () => {} }, 'rendezvous_ready');
    cleanups.push(migrated.drop);
    const behind = pool(migrated.url);
    await behind.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    const stale = await checkReadiness({ database: behind, store: cacheStore() });
    expect(stale.ready).toBe(false);
    expect(stale.checks.database.status).toBe('ok');
    expect(stale.checks.migrations).toMatchObject({ status: 'failed', reason: 'migrations_pending', pending: [journal.entries.at(-1)!.tag] });

    const emptyName = `rendezvous_ready_empty_${uniqueSuffix()}`;
    const empty = pool(await ensureDatabase(adminUrl, emptyName));
    cleanups.push(() => dropDatabase(adminUrl, emptyName));
    const never = await checkReadiness({ database: empty, store: cacheStore() });
    expect(never.checks.migrations).toMatchObject({ status: 'failed', reason: 'migrations_pending', pending: ['all'] });
  });

  it('names the database when it refuses connections', async () => {
    const refused = await checkReadiness({ database: pool('postgres://postgres@127.0.0.1:9/none'), store: cacheStore() });
    expect(refused.ready).toBe(false);
    expect(refused.checks.database).toMatchObject({ status: 'failed', reason: 'unreachable' });
    expect(refused.checks.cache.status).toBe('ok');
  });

  it('gives up on a database that never answers within the time budget', async () => {
    const started = performance.now();
    const hung = await checkReadiness({ database: pool(await silentServer()), store: cacheStore(), timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(hung.checks.database).toMatchObject({ status: 'failed', reason: 'timeout' });
    expect(hung.checks.migrations).toMatchObject({ status: 'failed', reason: 'timeout' });
  });
});
