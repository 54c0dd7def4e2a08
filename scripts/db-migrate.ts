// `npm run db:migrate`: applies committed migrations to DATABASE_URL.
import { migrateDatabase } from '@/db/migrate';
import { requireDatabaseUrl } from '@/lib/env';

async function main(): Promise<void> {
  await migrateDatabase(requireDatabaseUrl());
  console.log('migrations applied');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
