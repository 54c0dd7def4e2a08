import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { bookings, emailNotifications, outbox } from '@/db/schema';
import type { DispatchedEvent } from '@/lib/jobs/events';
import { inlineSink } from '@/inngest/inline-runner';
import { requireDatabaseUrl } from '@/lib/env';
import { settleDispatches, sweepOutbox } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, inviteeFor, uniqueSuffix } from '../factories';
import { book } from './api';
import { isolatedDatabase } from './isolated-database';

// At least once, never lost, never twice at the same time: the outbox under failure, concurrency and a kill.

const { database } = isolatedDatabase('rendezvous_outbox');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const slots = ['2027-01-11T15:00:00.000Z', '2027-01-11T16:00:00.000Z', '2027-01-11T17:00:00.000Z', '2027-01-11T18:00:00.000Z', '2027-01-11T19:00:00.000Z'];

afterEach(async () => {
  await settleDispatches();
  installEventSink(undefined);
});

/** Calendar events carry no booking id; booking events do. */
const bookingIdOf = (event: DispatchedEvent) => ('bookingId' in event.data ? event.data.bookingId : undefined);

function recordingSink(delayMs = 0) {
  const received: DispatchedEvent[] = [];
  return {
    received,
    sink: {
      async deliver(event: DispatchedEvent) {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        received.push(event);
      },
    },
  };
}

async function outboxRowFor(bookingId: string) {
  const rows = await database().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('outbox dispatch', () => {
  it('keeps a row whose dispatch throws pending, and the sweeper delivers it with the outbox id as the event id', async () => {
    installEventSink({ deliver: async () => Promise.reject(new Error('queue unreachable')) });
    const { meetingType } = await createBookableHost(database());
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await settleDispatches();
    const pending = await outboxRowFor(body.booking.id);
    expect(pending.dispatchedAt).toBeNull();
    expect(pending.attempts).toBe(1);
    expect(pending.lastError).toBe('queue unreachable');

    const { sink, received } = recordingSink();
    installEventSink(sink);
    // The failure set a backoff: the sweep runs as if a minute had passed.
    expect(await sweepOutbox(database(), { graceMs: 0, now: new Date(Date.now() + 60_000) })).toBeGreaterThanOrEqual(1);
    const event = received.find((e) => bookingIdOf(e) === body.booking.id)!;
    expect(event.id).toBe(pending.id);
    expect(event.name).toBe('booking/confirmed');
    expect(event.ts).toBe(pending.createdAt.getTime());
    expect((await outboxRowFor(body.booking.id)).dispatchedAt).not.toBeNull();
  });

  it('leaves a fresh row to the request that wrote it: the sweeper waits out the grace period', async () => {
    installEventSink(undefined);
    const { meetingType } = await createBookableHost(database());
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const { sink, received } = recordingSink();
    installEventSink(sink);
    await sweepOutbox(database());
    expect(received.filter((e) => bookingIdOf(e) === body.booking.id)).toEqual([]);
  });

  it('two sweepers running at once hand on each row exactly once', async () => {
    installEventSink(undefined);
    const made: string[] = [];
    for (let host = 0; host < 4; host++) {
      const { meetingType } = await createBookableHost(database());
      for (const start of slots) made.push((await book(inviteeFor(meetingType.id, start))).body.booking.id);
    }
    const { sink, received } = recordingSink(15);
    installEventSink(sink);
    const second = createDatabase(requireDatabaseUrl(), { max: 2 });
    let counts: number[];
    try {
      // Small batches, so both sweepers are claiming while the other delivers.
      counts = await Promise.all([sweepOutbox(database(), { graceMs: 0, batch: 4 }), sweepOutbox(second, { graceMs: 0, batch: 4 })]);
    } finally {
      await second.close();
    }
    expect(counts.every((count) => count > 0)).toBe(true);
    const ours = received.filter((e) => made.includes(bookingIdOf(e) ?? ''));
    expect(ours).toHaveLength(made.length);
    expect(new Set(ours.map((e) => e.id)).size).toBe(made.length);
  });

  it('loses nothing when the process is killed between commit and send: the next sweep mails it', async () => {
    const { meetingType } = await createBookableHost(database());
    const email = `killed-${uniqueSuffix()}@example.test`;
    const child = spawn(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['tests/integration/fixtures/book-then-die.ts', meetingType.id, MONDAY_10AM_NY, email], {
      env: { ...process.env, DATABASE_URL: requireDatabaseUrl() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    // tsx runs the script in a child node process and reports its SIGKILL as exit code 137.
    expect(exit.signal === 'SIGKILL' || exit.code === 137, `${JSON.stringify(exit)} ${stderr}`).toBe(true);

    const [booking] = await database().select().from(bookings).where(eq(bookings.inviteeEmail, email));
    expect(booking?.status).toBe('confirmed');
    const row = await outboxRowFor(booking!.id);
    expect(row.dispatchedAt).toBeNull();

    // Its claim holds a lease for a few minutes; the sweep runs as if they had passed.
    expect(row.claimedUntil).not.toBeNull();
    installEventSink(inlineSink);
    await sweepOutbox(database(), { graceMs: 0, now: new Date(Date.now() + 6 * 60_000) });
    const mail = await database().select().from(emailNotifications).where(eq(emailNotifications.bookingId, booking!.id));
    expect(mail.map((m) => [m.notificationType, m.recipientEmail, m.status]).filter(([, to]) => to === email)).toEqual([['confirmation', email, 'captured']]);
    expect((await outboxRowFor(booking!.id)).dispatchedAt).not.toBeNull();
  }, 60_000);
});
