import { sql } from 'drizzle-orm';
import { ensureDatabase } from '@/db/bootstrap';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { benchWindow, seedAvailabilityHost } from './seed';

// `npx tsx bench/memory-in-process.ts <admin postgres URL> [queries]`: the memory scenario's 40,000
// distinct one-day queries (100 dates × 400 zones) answered in-process with the default TTL, no HTTP
// or framework, printing process.memoryUsage() every 4,000: where resident memory beyond the live heap
// sits (heap headroom, external and ArrayBuffer memory, the rest: the allocator). Run with
// `node --expose-gc` (tsx passes it on) to also see the heap left after a full collection.

const DATABASE_NAME = 'rendezvous_bench_cold_in_process';
const MiB = 1024 * 1024;

async function main(): Promise<void> {
  const adminUrl = process.argv[2];
  if (!adminUrl) throw new Error('usage: bench/memory-in-process.ts <admin postgres URL> [queries]');
  const total = Number(process.argv[3] ?? 40_000);
  const url = await ensureDatabase(adminUrl, DATABASE_NAME);
  await migrateDatabase(url);
  const window = benchWindow(Date.parse('2026-12-06T12:00:00Z'), 'Europe/Berlin');
  const seeding = createDatabase(url, { max: 2 });
  const [existing] = await seeding.execute<{ id: string }>(sql`select id from meeting_types order by created_at limit 1`);
  const meetingTypeId = existing?.id ?? (await seedAvailabilityHost(seeding, window)).meetingTypeId;
  await seeding.close();

  process.env.DATABASE_URL = url;
  const { answerAvailability, availabilityDeps } = await import('@/lib/availability');
  const zones = Intl.supportedValuesOf('timeZone').slice(0, 400);
  const queries: string[] = [];
  for (let day = 0; day < 100; day++) {
    const date = new Date(window.firstDayStartMs + day * 86_400_000).toISOString().slice(0, 10);
    for (const timezone of zones) queries.push(new URLSearchParams({ meetingTypeId, start: date, end: date, timezone }).toString());
  }
  const now = Date.parse('2026-12-06T12:00:00Z');
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = (done: number) => {
    const usage = process.memoryUsage();
    const f = (bytes: number) => (bytes / MiB).toFixed(0).padStart(4);
    const live = gc ? (gc(), process.memoryUsage().heapUsed) : NaN;
    console.log(`${String(done).padStart(6)}: rss ${f(usage.rss)}  heapTotal ${f(usage.heapTotal)}  heapUsed ${f(usage.heapUsed)}  live ${f(live)}  external ${f(usage.external)}  arrayBuffers ${f(usage.arrayBuffers)}`);
  };
  for (let i = 0; i < 200; i++) await answerAvailability(availabilityDeps(), queries[0]!, now);
  sample(0);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < Math.min(total, queries.length)) {
        const index = next++;
        await answerAvailability(availabilityDeps(), queries[index]!, now);
        if ((index + 1) % 4_000 === 0) sample(index + 1);
      }
    }),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
