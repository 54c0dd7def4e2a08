import { randomBytes } from 'node:crypto';
import path from 'node:path';
import postgres from 'postgres';
import { ensureDatabase } from '@/db/bootstrap';
import { startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';

export interface TestServer {
  /** Superuser connection to the maintenance database, for creating more databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

// TEST_DATABASE_URL points at a server of your own (e.g. CI's); otherwise a throwaway embedded one.
export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    console.log(`[tests] Postgres: TEST_DATABASE_URL (${new URL(external).host})`);
    return { adminUrl: external, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(process.cwd(), '.data', `test-postgres-${process.pid}-${randomBytes(3).toString('hex')}`),
    persistent: false,
  });
  console.log(`[tests] Postgres: embedded, 127.0.0.1:${server.port} (set TEST_DATABASE_URL to use your own)`);
  return server;
}

/** A fresh, migrated database with a unique name on the test server. */
export async function createMigratedDatabase(server: TestServer, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(server.adminUrl, name);
  await migrateDatabase(url);
  return { url, drop: () => dropDatabase(server.adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
