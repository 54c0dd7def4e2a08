import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { ensureDatabase } from '@/db/bootstrap';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedBookingHosts } from './seed';
import { UniqueBookings } from './scenarios';

// `node --require ./bench/server-only-off.cjs --import tsx bench/booking-in-process.ts <admin URL> [bookings]`: the booking route's handler
// (app/api/v1/bookings, with lib/http's wrapper) called in-process, 10 at a time, with no HTTP server or
// framework around it and no job runner (the outbox rows stay pending), in a fresh database of its own
// (dropped at the end). Prints the app's CPU per booking; under `tsx --cpu-prof`, the frames. The quick
// loop for changes to the booking path, which `only.ts --cost booking` then confirms through the build.

async function main(): Promise<void> {
  const adminUrl = process.argv[2];
  if (!adminUrl) throw new Error('usage: bench/booking-in-process.ts <admin postgres URL> [bookings]');
  const requests = Number(process.argv[3] ?? 3000);
  const name = `rendezvous_bench_booking_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  try {
    await migrateDatabase(url);
    const seeding = createDatabase(url, { max: 2 });
    const meetingTypeIds = await seedBookingHosts(seeding);
    await seeding.close();

    process.env.DATABASE_URL = url;
    process.env.RATE_LIMIT_BOOKINGS_PER_MINUTE = '0';
    process.env.RATE_LIMIT_BOOKINGS_PER_MEETING_TYPE_PER_HOUR = '0';
    process.env.RATE_LIMIT_BOOKINGS_PER_EMAIL_PER_HOUR = '0';
    const { POST } = await import('@/app/api/v1/bookings/route');
    const firstDay = Date.parse(`${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
    const source = new UniqueBookings(meetingTypeIds, firstDay);
    const book = async () => {
      const request = new Request('http://127.0.0.1/api/v1/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: source.nextBody() });
      const response = await POST(request, { params: Promise.resolve({}) });
      if (response.status !== 201) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    for (let i = 0; i < 200; i++) await book(); // warm-up: every host's statements prepared
    let started = 0;
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (started < requests) {
          started++;
          await book();
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`${requests} bookings in ${seconds.toFixed(1)} s: app CPU ${((used.user + used.system) / 1000 / requests).toFixed(2)} ms per booking (user ${(used.user / 1000 / requests).toFixed(2)}, system ${(used.system / 1000 / requests).toFixed(2)})`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    process.exit();
  }
}

void main();
