import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import type { LoadResult } from './load';
import { runOpenLoop } from './open-loop';
import { databaseNow } from './outbox';
import type { UniqueBookings } from './scenarios';
import { type Summary, summarise } from './stats';

// Commit → message recorded, in the default inline mode: bookings arrive at a fixed rate (open loop),
// and each one's latency is its invitee confirmation's sent_at minus the booking's created_at, both
// from Postgres (created_at is the transaction's start, so the figure slightly overstates it).

export const NOTIFICATION_LOAD = { rate: 20, durationSeconds: 15, connections: 16 } as const;
const DRAIN_TIMEOUT_MS = 60_000;

export interface NotificationLatency {
  offered: LoadResult;
  bookings: number;
  recorded: number;
  latencyMs: Summary;
  maxMs: number;
}

type Progress = {
  bookings: number;
  recorded: number;
};

export async function measureNotificationLatency(baseUrl: string, databaseUrl: string, source: UniqueBookings): Promise<NotificationLatency> {
  const database = createDatabase(databaseUrl, { max: 2 });
  try {
    const since = await databaseNow(database);
    const offered = await runOpenLoop(source.target(baseUrl), {
      connections: NOTIFICATION_LOAD.connections,
      durationSeconds: NOTIFICATION_LOAD.durationSeconds,
      overallRate: NOTIFICATION_LOAD.rate,
    });
    const progress = async () =>
      ((await database.execute<Progress>(sql`
        select count(*)::int as bookings, count(e.id)::int as recorded
        from bookings b
        left join email_notifications e on e.booking_id = b.id and e.notification_type = 'confirmation'
          and e.recipient_email = b.invitee_email and e.status in ('captured', 'sent')
        where b.created_at >= ${since}::timestamptz`)) as unknown as Progress[])[0]!;
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    let state = await progress();
    while (state.recorded < state.bookings && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      state = await progress();
    }
    const rows = (await database.execute<{ ms: number }>(sql`
      select extract(epoch from (e.sent_at - b.created_at)) * 1000 as ms
      from bookings b
      join email_notifications e on e.booking_id = b.id and e.notification_type = 'confirmation' and e.recipient_email = b.invitee_email
      where b.created_at >= ${since}::timestamptz and e.sent_at is not null`)) as unknown as { ms: number | string }[];
    const samples = rows.map((row) => Number(row.ms));
    return { offered, ...state, latencyMs: summarise(samples), maxMs: samples.length ? Math.max(...samples) : Number.NaN };
  } finally {
    await database.close();
  }
}
