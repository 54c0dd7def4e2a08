import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { prebuilt } from '@/db/prebuilt';
import { bookings, outbox } from '@/db/schema';
import { insertConfirmedBooking } from '@/lib/booking/insert-booking';
import { writeOutboxEvent } from '@/lib/jobs/outbox';
import { createBookableHost } from '../factories';
import { connectTestDatabase } from './db-helpers';

// db/prebuilt.ts reaches into drizzle's session for a transaction's connection: these prove that a
// prebuilt statement runs inside the transaction it is given (a drizzle upgrade that moved the
// connection would fail here, not in production), and that the booking insert stores what the query
// builder stored, nulls as SQL nulls.

const database = connectTestDatabase();
const eventName = 'account/email-requested' as const;
const countOutboxRow = prebuilt<{ id: string }, { count: number }[]>('test_count_outbox_row', (q) =>
  q.select({ count: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.id, sql.placeholder('id'))),
);

class RolledBack extends Error {}

describe('prebuilt statements', () => {
  it('run inside the transaction they are given: what they write is seen there and gone after a rollback', async () => {
    let id = '';
    await expect(
      database.transaction(async (tx) => {
        id = await writeOutboxEvent(tx, eventName, { tokenId: randomUUID() });
        // Seen inside (the same connection), not yet outside (another one).
        expect(await countOutboxRow(tx, { id })).toEqual([{ count: 1 }]);
        expect(await countOutboxRow(database, { id })).toEqual([{ count: 0 }]);
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(await countOutboxRow(database, { id })).toEqual([{ count: 0 }]);
  });

  it('insert a booking as the query builder did: every column returned, absent values as SQL nulls, JSON as JSON', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const slot = { start: Date.parse('2027-01-11T15:00:00Z'), end: Date.parse('2027-01-11T15:30:00Z') };
    const common = { meetingTypeId: meetingType.id, hostUserId: host.id, bufferBeforeMinutes: 5, bufferAfterMinutes: 10, email: 'ada@example.test', timezone: 'Europe/Berlin' };
    const plain = await database.transaction((tx) => insertConfirmedBooking(tx, { ...common, slot, name: 'Ada' }));
    const [stored] = await database.select().from(bookings).where(eq(bookings.id, plain.id));
    expect(plain).toEqual(stored);
    expect(plain).toMatchObject({ status: 'confirmed', notes: null, tracking: null, answers: null, approvalTokenHash: null, approvalExpiresAt: null, locale: 'en', seated: false, startTime: new Date(slot.start) });
    const [nulls] = await database.execute<{ tracking_is_null: boolean; answers_is_null: boolean }>(
      sql`select tracking is null as tracking_is_null, answers is null as answers_is_null from bookings where id = ${plain.id}`,
    );
    expect(nulls).toEqual({ tracking_is_null: true, answers_is_null: true });

    const expiresAt = new Date('2027-01-10T15:00:00Z');
    const later = { start: slot.start + 3_600_000, end: slot.end + 3_600_000 };
    const request = await database.transaction((tx) =>
      insertConfirmedBooking(tx, {
        ...common,
        slot: later,
        name: 'Grace',
        notes: 'About the plan',
        tracking: { utm_source: 'newsletter' },
        answers: [{ questionId: 'q1', label: 'Company', type: 'short_text', value: 'Acme' }],
        locale: 'de',
        request: { expiresAt },
      }),
    );
    expect(request).toMatchObject({ status: 'pending', notes: 'About the plan', tracking: { utm_source: 'newsletter' }, locale: 'de', approvalExpiresAt: expiresAt });
    expect(request.answers).toEqual([{ questionId: 'q1', label: 'Company', type: 'short_text', value: 'Acme' }]);
    expect(request.approvalTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(request.blockedRange).toBeTruthy();
  });
});
