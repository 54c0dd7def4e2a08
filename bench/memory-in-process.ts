import { IN_PROCESS_NOW, inProcessAvailabilityHost } from './in-process-host';

// `npx tsx bench/memory-in-process.ts <admin postgres URL> [queries]`: the memory scenario's 40,000
// distinct one-day queries (100 dates × 400 zones) answered in-process with the default TTL, no HTTP
// or framework, printing process.memoryUsage() every 4,000: where resident memory beyond the live heap
// sits (heap headroom, external and ArrayBuffer memory, the rest: the allocator). Run with
// `node --expose-gc` (tsx passes it on) to also see the heap left after a full collection.

const MiB = 1024 * 1024;

async function main(): Promise<void> {
  const adminUrl = process.argv[2];
  if (!adminUrl) throw new Error('usage: bench/memory-in-process.ts <admin postgres URL> [queries]');
  const total = Number(process.argv[3] ?? 40_000);
  const { url, meetingTypeId, window } = await inProcessAvailabilityHost(adminUrl);

  process.env.DATABASE_URL = url;
  const { answerAvailability, availabilityDeps } = await import('@/lib/availability');
  const zones = Intl.supportedValuesOf('timeZone').slice(0, 400);
  const queries: string[] = [];
  for (let day = 0; day < 100; day++) {
    const date = new Date(window.firstDayStartMs + day * 86_400_000).toISOString().slice(0, 10);
    for (const timezone of zones) queries.push(new URLSearchParams({ meetingTypeId, start: date, end: date, timezone }).toString());
  }
  const now = IN_PROCESS_NOW;
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
