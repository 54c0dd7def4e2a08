import { performance } from 'node:perf_hooks';
import { IN_PROCESS_NOW, inProcessAvailabilityHost } from './in-process-host';

// `npx tsx bench/cold-in-process.ts <admin postgres URL> [requests]`: the cold availability answer
// (`SLOT_CACHE_TTL_SECONDS=0`) called in-process, with no HTTP or framework around it, 10 at a time,
// on the bench's availability host in a database of its own (created and seeded once, reused by
// later runs). Prints the app's CPU per answer; run under `node --cpu-prof` (via NODE_OPTIONS or
// `tsx --cpu-prof`) for the frames. A quick loop for changes to the loader, engine and reply, which
// `only.ts --cost cold` then confirms through the built server.

async function main(): Promise<void> {
  const adminUrl = process.argv[2];
  if (!adminUrl) throw new Error('usage: bench/cold-in-process.ts <admin postgres URL> [requests]');
  const requests = Number(process.argv[3] ?? 3000);
  const { url, meetingTypeId, window } = await inProcessAvailabilityHost(adminUrl);

  process.env.DATABASE_URL = url;
  process.env.SLOT_CACHE_TTL_SECONDS = '0';
  const { answerAvailability, availabilityDeps } = await import('@/lib/availability');
  const search = new URLSearchParams({ meetingTypeId, start: window.firstDay, end: window.lastDay, timezone: window.inviteeTimeZone }).toString();
  const now = IN_PROCESS_NOW;
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
