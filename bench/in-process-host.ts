import { sql } from 'drizzle-orm';
import { ensureDatabase } from '@/db/bootstrap';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { type BenchWindow, benchWindow, seedAvailabilityHost } from './seed';

// The availability host of the in-process loops (cold-in-process.ts, memory-in-process.ts): in a
// database of their own on the given server, seeded on first use and reused by later runs, at a fixed
// clock so the data and the queried days stay the same between runs.

const DATABASE_NAME = 'rendezvous_bench_cold_in_process';
export const IN_PROCESS_NOW = Date.parse('2026-12-06T12:00:00Z');

export async function inProcessAvailabilityHost(adminUrl: string): Promise<{ url: string; meetingTypeId: string; window: BenchWindow }> {
  const url = await ensureDatabase(adminUrl, DATABASE_NAME);
  await migrateDatabase(url);
  const window = benchWindow(IN_PROCESS_NOW, 'Europe/Berlin');
  const seeding = createDatabase(url, { max: 2 });
  try {
    const [existing] = await seeding.execute<{ id: string }>(sql`select id from meeting_types order by created_at limit 1`);
    const meetingTypeId = existing?.id ?? (await seedAvailabilityHost(seeding, window)).meetingTypeId;
    await seeding.execute(sql`analyze`);
    return { url, meetingTypeId, window };
  } finally {
    await seeding.close();
  }
}
