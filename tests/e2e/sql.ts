import postgres from 'postgres';
import { inject } from 'vitest';

/** One short-lived connection to the browser tests' database, for arranging and checking rows. */
export async function withSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(inject('e2eDatabaseUrl'), { max: 1 });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}
