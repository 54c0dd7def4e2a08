// `npm run db:seed`: creates the demo host in DATABASE_URL if it is not there yet.
import { createDatabase } from '@/db/client';
import { seedDemoHost } from '@/lib/hosts/demo-seed';
import { requireDatabaseUrl } from '@/lib/env';

async function main(): Promise<void> {
  const database = createDatabase(requireDatabaseUrl(), { max: 1 });
  const created = await seedDemoHost(database);
  console.log(created ? 'demo host created' : 'demo host already exists');
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
