import { createDatabase } from '@/db/client';
import { seedDemoHost } from '@/lib/hosts/accounts/demo-host';
import { startAppServer } from './app-server';
import { startBenchDatabase } from './database';
import { describeFirstTimes, measureFirstTimesPaired } from './first-times';
import { runBenchMain } from './lifecycle';

// `npx tsx bench/first-times-paired.ts <dist dir A> <dist dir B>`: the first-times scenario for two
// production builds at once (e.g. one kept from before a change, `cp -a .next-bench .next-bench-before`,
// and the new `.next-bench`), both servers on one database, one Chromium alternating fresh-context loads
// between them, so a machine shared with other work slows both alike. Nothing is built here.

async function main(): Promise<void> {
  const distDirs = process.argv.slice(2);
  if (distDirs.length < 2) throw new Error('usage: bench/first-times-paired.ts <dist dir> <dist dir> …');
  const database = await startBenchDatabase();
  const seeding = createDatabase(database.url, { max: 1 });
  await seedDemoHost(seeding);
  await seeding.close();
  const servers = [];
  for (const distDir of distDirs) servers.push(await startAppServer({ databaseUrl: database.url, env: { NEXT_DIST_DIR: distDir } }));
  const results = await measureFirstTimesPaired(servers.map((server) => server.baseUrl));
  for (const [index, result] of (results ?? []).entries()) console.log(`${distDirs[index]}:\n${describeFirstTimes(result)}`);
  if (!results) console.log('first-times: no Chromium at /usr/bin/chromium');
  for (const server of servers) await server.stop();
}

runBenchMain(main);
