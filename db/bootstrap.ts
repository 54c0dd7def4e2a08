import path from 'node:path';
import postgres from 'postgres';
import { databaseUrl, type EmbeddedDatabase, startEmbeddedPostgres } from './embedded';

/** Creates a database on the server behind adminUrl unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return databaseUrl(adminUrl, name);
}

/** The dev/start database: `.data/postgres`, kept between runs. */
export async function startDevDatabase(log: (line: string) => void): Promise<{ url: string; server: EmbeddedDatabase }> {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(process.cwd(), '.data', 'postgres'),
    persistent: true,
    log,
  });
  const url = await ensureDatabase(server.adminUrl, 'rendezvous');
  return { url, server };
}
