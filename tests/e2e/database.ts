import postgres from 'postgres';
import { inject } from 'vitest';

// Browser tests set up and check rows in the suite's database directly, one short connection each.

const databaseUrl = inject('e2eDatabaseUrl');

export async function withSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl, { max: 1 });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}
