import { buildForBenchmark } from './build';
import { startBenchDatabase } from './database';
import { measureHostileFeeds } from './hostile-feeds';
import { cleanUp, cleanUpOnSignals } from './lifecycle';

// `npm run bench:feeds`: only the hostile-feed scenario (a production build, a fresh database), for
// checking the feed worker under `next start` without the whole benchmark. Prints what it measured.

async function main(): Promise<void> {
  cleanUpOnSignals();
  await buildForBenchmark();
  const database = await startBenchDatabase();
  const result = await measureHostileFeeds(database.url);
  console.log(JSON.stringify({ idle: result.idle.latencyMs, during: result.during, processingSeconds: result.processingSeconds, synced: result.synced, failed: result.failed, withSkippedEvents: result.withSkippedEvents }, null, 2));
}

main()
  .catch((error: unknown) => {
    console.error('[bench] failed:', error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit();
  });
