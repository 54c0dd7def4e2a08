import { sql } from 'drizzle-orm';
import type { Queryable } from './client';
import journal from './migrations/meta/_journal.json';

// Whether the database has every committed migration, the way drizzle's migrator decides it: a
// migration is applied once the newest `created_at` in drizzle.__drizzle_migrations has reached its
// journal `when`. The journal is imported, so it is bundled with the app and never read from disk.

export interface MigrationStatus {
  /** Migrations in the journal this build was made with. */
  expected: number;
  /** Journal entries the database has not reached yet (newest last). */
  pending: string[];
}

export async function migrationStatus(database: Queryable): Promise<MigrationStatus> {
  const [row] = await database.execute<{ latest: string | null }>(sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`);
  const latest = row?.latest === null || row?.latest === undefined ? -1 : Number(row.latest);
  const pending = journal.entries.filter((entry) => entry.when > latest).map((entry) => entry.tag);
  return { expected: journal.entries.length, pending };
}
