import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs db/schema against the committed snapshots; it needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: undefined,
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost:5432/rendezvous' },
});
