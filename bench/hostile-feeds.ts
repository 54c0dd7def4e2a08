import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { calendarConnections, connectedCalendars, users } from '@/db/schema';
import { startAppServer } from './app-server';
import { onCleanup } from './lifecycle';
import type { LoadResult } from './load';
import { runOpenLoop } from './open-loop';
import { type Summary, summarise } from './stats';

// Issue 15's hostile feed, at scale: 20 hosts each add the ICS feed that froze the server (minutely
// series of 9,990 that end before the sync window, some with BY parts so the iteration budget is
// spent), and the app's own poll processes them while /api/health is asked at a fixed rate.
// Judged: health p99 over the time the feeds were being processed (from the first sync's start to
// the moment all were done), against the same probe on the same server before (idle).

export const HOSTILE_FEEDS = { feeds: 20, healthRate: 50, idleSeconds: 10, maxSeconds: 240 } as const;

export interface HostileFeedLoad {
  idle: LoadResult;
  /** Health latencies of requests scheduled while feeds were processed. */
  during: Summary;
  processingSeconds: number;
  synced: number;
  failed: number;
  /** Feeds whose sync skipped events as over budget (recorded on the connection). */
  withSkippedEvents: number;
}

const vevent = (uid: string, rule: string) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', 'DTSTART:20250101T000000Z', 'DTEND:20250101T000100Z', `RRULE:${rule}`, 'END:VEVENT'];
export const hostileFeed = (feed: number) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//bench//EN',
    ...Array.from({ length: 20 }, (_, i) => vevent(`minutely-${feed}-${i}`, 'FREQ=MINUTELY;COUNT=9990')).flat(),
    ...Array.from({ length: 12 }, (_, i) => vevent(`by-second-${feed}-${i}`, 'FREQ=MINUTELY;BYSECOND=0;COUNT=9990')).flat(),
    'END:VCALENDAR',
  ].join('\r\n');

type Progress = {
  done: number;
  synced: number;
  failed: number;
  warned: number;
  first: string | null;
};

export async function measureHostileFeeds(databaseUrl: string): Promise<HostileFeedLoad> {
  const feeds = createServer((request, response) => {
    const feed = Number(/\/feed-(\d+)\.ics$/.exec(request.url ?? '')?.[1] ?? Number.NaN);
    if (!Number.isInteger(feed)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/calendar' }).end(hostileFeed(feed));
  });
  await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
  const unregister = onCleanup('stop the hostile feed server', () => new Promise<void>((resolve) => feeds.close(() => resolve())));
  const feedOrigin = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  const database = createDatabase(databaseUrl, { max: 2 });
  try {
    // Seeded not yet due, so the idle probe runs first; then made due for the server's own poll.
    const parked = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const hosts = await database
      .insert(users)
      .values(Array.from({ length: HOSTILE_FEEDS.feeds }, (_, i) => ({ email: `feed-host-${i}@bench.test`, name: `Feed host ${i}`, username: `feed-host-${i}`, timeZone: 'UTC' })))
      .returning({ id: users.id });
    const connections = await database
      .insert(calendarConnections)
      .values(hosts.map((host, i) => ({ userId: host.id, provider: 'ics' as const, icsUrl: `${feedOrigin}/feed-${i}.ics`, nextSyncAt: parked })))
      .returning({ id: calendarConnections.id, userId: calendarConnections.userId });
    await database.insert(connectedCalendars).values(connections.map((c) => ({ connectionId: c.id, userId: c.userId, externalId: 'feed', name: 'hostile' })));
    const ids = sql.join(connections.map((c) => sql`${c.id}`), sql`, `);

    const server = await startAppServer({ databaseUrl, env: { ICS_ALLOW_PRIVATE_NETWORKS: '1', ALLOW_PRIVATE_TARGETS_I_UNDERSTAND: '1' } });
    try {
      const target = { url: `${server.baseUrl}/api/health` };
      const idle = await runOpenLoop(target, { connections: 64, durationSeconds: HOSTILE_FEEDS.idleSeconds, overallRate: HOSTILE_FEEDS.healthRate });
      const releasedAt = new Date();
      await database.execute(sql`update calendar_connections set next_sync_at = now() where id in (${ids})`);

      const samples: { at: number; ms: number }[] = [];
      let progress: Progress = { done: 0, synced: 0, failed: 0, warned: 0, first: null };
      let doneAt: number | null = null;
      const deadline = Date.now() + HOSTILE_FEEDS.maxSeconds * 1000;
      const probe = runOpenLoop(
        target,
        { connections: 64, durationSeconds: HOSTILE_FEEDS.maxSeconds, overallRate: HOSTILE_FEEDS.healthRate },
        { stop: () => doneAt !== null || Date.now() > deadline, onResponse: (at, ms) => samples.push({ at, ms }) },
      );
      while (doneAt === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        // last_attempt_at is written when a sync ends, with the moment it started.
        const [row] = (await database.execute<Progress>(sql`
          select count(*) filter (where last_attempt_at >= ${releasedAt.toISOString()}::timestamptz)::int as done,
                 count(*) filter (where last_synced_at >= ${releasedAt.toISOString()}::timestamptz)::int as synced,
                 count(*) filter (where failure_count > 0)::int as failed,
                 count(*) filter (where last_sync_warning is not null)::int as warned,
                 min(last_attempt_at)::text as first
          from calendar_connections where id in (${ids})`)) as unknown as Progress[];
        if (row) progress = row;
        if (progress.done === connections.length) doneAt = Date.now();
      }
      await probe;
      if (doneAt === null || !progress.first) throw new Error(`the hostile feeds were not all processed within ${HOSTILE_FEEDS.maxSeconds} s (${progress.done} of ${connections.length})`);
      const from = Date.parse(progress.first);
      const during = samples.filter((sample) => sample.at >= from && sample.at <= doneAt!).map((sample) => sample.ms);
      return { idle, during: summarise(during), processingSeconds: (doneAt - from) / 1000, synced: progress.synced, failed: progress.failed, withSkippedEvents: progress.warned };
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
    unregister();
    await new Promise<void>((resolve) => feeds.close(() => resolve()));
  }
}
