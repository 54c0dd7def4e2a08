import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '@/db/schema';
import { resetInngestClientForTests } from '@/inngest/client';
import { inngestSink } from '@/inngest/inngest-sink';
import { resetEnvForTests } from '@/lib/env';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, inviteeFor } from '../factories';
import { type InngestEventsFake, startInngestEventsFake } from '../fakes/inngest-events';
import { book, cancel, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// JOBS=inngest on the wire: after commit, each outbox row goes to Inngest's event API with the row id
// as the event id (Inngest drops a second event with the same id).

const database = connectTestDatabase();
const saved = { ...process.env };
let inngest: InngestEventsFake;

beforeAll(async () => {
  inngest = await startInngestEventsFake();
  Object.assign(process.env, { JOBS: 'inngest', INNGEST_EVENT_KEY: 'test-event-key', INNGEST_SIGNING_KEY: `signkey-test-${'ef'.repeat(32)}`, INNGEST_BASE_URL: inngest.url });
  delete process.env.INNGEST_DEV;
  resetEnvForTests();
  resetInngestClientForTests();
  installEventSink(inngestSink);
});

afterAll(async () => {
  installEventSink(undefined);
  process.env = saved;
  resetEnvForTests();
  resetInngestClientForTests();
  await inngest.close();
});

describe('dispatch to Inngest', () => {
  it('sends booking/confirmed and booking/cancelled with the outbox ids as event ids, and marks the rows dispatched', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z'));
    await cancel(body.booking.id, { token: tokenOf(body.booking.cancelUrl), reason: 'Conflict' });
    await settleDispatches();
    const rows = await database.select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${body.booking.id}`).orderBy(outbox.createdAt);
    expect(rows.map((row) => row.eventName)).toEqual(['booking/confirmed', 'booking/cancelled']);
    // Each commit dispatches its own events after it; two commits' sends may reach Inngest in either order.
    const sent = inngest.received.filter((event) => event.data.bookingId === body.booking.id);
    const byRowOrder = rows.map((row) => sent.find((event) => event.id === row.id));
    expect(sent).toHaveLength(2);
    expect(byRowOrder.map((event) => [event?.id, event?.name, event?.eventKey])).toEqual(rows.map((row) => [row.id, row.eventName, 'test-event-key']));
    expect(byRowOrder[1]!.data).toMatchObject({ reason: 'Conflict', cancelledBy: 'invitee' });
    expect(rows.every((row) => row.dispatchedAt !== null)).toBe(true);
  });
});
