import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { ensureDatabase } from '@/db/bootstrap';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { benchWindow, seedAvailabilityHost } from './seed';

// `npx tsx bench/cold-in-process.ts <admin postgres URL> [requests]`: the cold availability answer
// (`SLOT_CACHE_TTL_SECONDS=0`) called in-process, with no HTTP or framework around it, 10 at a time,
// on the bench's availability host in a database of its own (created and seeded once, reused by
// later runs). Prints the app's CPU per answer; run under `node --cpu-prof` (via NODE_OPTIONS or
// `tsx --cpu-prof`) for the frames. A quick loop for changes to the loader, engine and reply, which
// `only.ts --cost cold` then confirms through the built server.

const DATABASE_NAME = 'rendezvous_bench_cold_in_process';

async function main(): Promise<void> {
  const adminUrl = process.argv[2];
  if (!adminUrl) throw new Error('usage: bench/cold-in-process.ts <admin postgres URL> [requests]');
  const requests = Number(process.argv[3] ?? 3000);
  const url = await ensureDatabase(adminUrl, DATABASE_NAME);
  await migrateDatabase(url);
  const window = benchWindow(Date.parse('2026-12-06T12:00:00Z'), 'Europe/Berlin');
  const seeding = createDatabase(url, { max: 2 });
  const [existing] = await seeding.execute<{ id: string }>(sql`select id from meeting_types order by created_at limit 1`);
  const meetingTypeId = existing?.id ?? (await seedAvailabilityHost(seeding, window)).meetingTypeId;
  await seeding.execute(sql`analyze`);
  await seeding.close();

  process.env.DATABASE_URL = url;
  process.env.SLOT_CACHE_TTL_SECONDS = '0';
  const { answerAvailability, availabilityDeps } = await import('@/lib/availability');
  const search = new URLSearchParams({ meetingTypeId, start: window.firstDay, end: window.lastDay, timezone: window.inviteeTimeZone }).toString();
  const now = Date.parse('2026-12-06T12:00:00Z');
  const answer = () => answerAvailability(availabilityDeps(), search, now);
  const first = await answer();
  console.log(`reply: ${first.body.byteLength} bytes, ${first.shown.length} slots`);

  let done = 0;
  const worker = async () => {
    while (done < requests) {
      done++;
      await answer();
    }
  };
  for (let i = 0; i < 200; i++) await answer();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: 10 }, worker));
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `${requests} answers in ${elapsed.toFixed(0)} ms: app CPU ${((cpu.user + cpu.system) / 1000 / requests).toFixed(3)} ms per answer (user ${(cpu.user / 1000 / requests).toFixed(3)}), ${((requests / elapsed) * 1000).toFixed(0)}/s`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
