import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/db/client';
import { emailNotifications, outbox } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { createBooking, createBookingSchema } from '@/lib/booking';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { requireDatabaseUrl } from '@/lib/env';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, inviteeFor } from '../factories';
import { isolatedDatabase } from './isolated-database';

// What one booking costs in statements sent to Postgres, counted at the postgres.js client: the
// request (the reply waits for these) and its inline jobs after the reply (write-back, two emails,
// the outbox claim and mark). Booking throughput on a small machine is bound by these round trips,
// so a change that adds some fails here first.

const { database } = isolatedDatabase('rendezvous_round_trips');
const holder = globalThis as unknown as { __rendezvousDb?: Database; __rendezvousJobsDb?: Database };
/** Each statement with the event-loop turn it was sent in: postgres.js writes a turn's statements together. */
const statements: { text: string; turn: number }[] = [];
let turn = 0;
let turnEnding = false;
function record(text: string) {
  if (!turnEnding) {
    turnEnding = true;
    setImmediate(() => {
      turnEnding = false;
      turn += 1;
    });
  }
  statements.push({ text, turn });
}
const roundTrips = (sent: { turn: number }[]) => new Set(sent.map((statement) => statement.turn)).size;
const listing = (sent: { text: string; turn: number }[]) => sent.map((statement) => `${statement.turn}: ${statement.text.replace(/\s+/g, ' ').slice(0, 100)}`).join('\n');
const MONDAY_NY = ['2027-01-11T15:00:00.000Z', '2027-01-11T16:00:00.000Z'];

beforeAll(async () => {
  // The app's pools (db() for requests, jobsDb() for the jobs), counted; one connection each, so the
  // first booking prepares every statement.
  await Promise.all([holder.__rendezvousDb?.close(), holder.__rendezvousJobsDb?.close()]);
  holder.__rendezvousDb = createDatabase(requireDatabaseUrl(), { max: 1, onQuery: record });
  holder.__rendezvousJobsDb = createDatabase(requireDatabaseUrl(), { max: 1, onQuery: record });
  installEventSink(inlineSink);
});
afterAll(() => installEventSink(undefined));

async function countedBooking(meetingTypeId: string, start: string) {
  const deps = { database: holder.__rendezvousDb!, store: createMemoryStore() };
  statements.length = 0;
  const { booking, created } = await createBooking(deps, createBookingSchema.parse(inviteeFor(meetingTypeId, start)), { now: Date.parse('2027-01-01T00:00:00Z') });
  expect(created).toBe(true);
  const request = [...statements];
  statements.length = 0;
  await settleDispatches();
  return { booking, request, jobs: [...statements] };
}

describe('round trips per booking', () => {
  it('makes a booking in 5 round trips and runs its jobs after the reply in at most 10', async () => {
    const { meetingType } = await createBookableHost(database());
    // The first booking on fresh connections also reads postgres.js's type catalogue: not counted.
    await countedBooking(meetingType.id, MONDAY_NY[0]!);
    const { booking, request, jobs } = await countedBooking(meetingType.id, MONDAY_NY[1]!);

    // head; begin; host lock + schedule + stale calendars + hourly caps; booking + outbox row; commit.
    expect(request, listing(request)).toHaveLength(9);
    expect(roundTrips(request), listing(request)).toBe(5);
    // The lock goes out first in its round trip: Postgres runs the reads after it holds the row.
    const lockAt = request.findIndex(({ text }) => /for update/i.test(text));
    const scheduleAt = request.findIndex(({ text }) => /from meeting_types mt/i.test(text));
    expect(lockAt, listing(request)).toBeGreaterThan(-1);
    expect(request[lockAt]!.turn).toBe(request[scheduleAt]!.turn);
    expect(lockAt).toBeLessThan(scheduleAt);
    expect(request.filter(({ text }) => /insert into "outbox"/i.test(text))).toHaveLength(1);
    // claim; booking, receiving calendar (write-back); per recipient notice, record, sent; the host's
    // webhook endpoints (none here, so one read); mark.
    // The confirmation and the fan-out run side by side: the endpoints read goes with the write-back's.
    expect(jobs.length, listing(jobs)).toBeLessThanOrEqual(11);
    expect(roundTrips(jobs), listing(jobs)).toBeLessThanOrEqual(10);

    const mail = await database().select().from(emailNotifications).where(eq(emailNotifications.bookingId, booking.id));
    expect(mail.map((row) => row.status).sort()).toEqual(['captured', 'captured']);
    const events = await database().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${booking.id}`);
    expect(events.map((event) => [event.eventName, event.dispatchedAt !== null])).toEqual([['booking/confirmed', true]]);
  });
});
