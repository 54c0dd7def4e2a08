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

/** The id of one of the seeded demo host's meeting types (`intro`, `deep-dive`); no page shows it. */
export function demoMeetingTypeId(slug: string): Promise<string> {
  return withSql(async (sql) => {
    const [row] = await sql<{ id: string }[]>`
      select mt.id from meeting_types mt join users u on u.id = mt.user_id where u.username = 'demo' and mt.slug = ${slug}`;
    if (!row) throw new Error(`the demo host has no meeting type "${slug}"`);
    return row.id;
  });
}
