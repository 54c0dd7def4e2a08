import { eq, sql } from 'drizzle-orm';
import { defaultScheduleOf } from '@/lib/hosts/schedules/rows';
import { describe, expect, it } from 'vitest';
import { availabilityOverrides, bookings, outbox } from '@/db/schema';
import { cancelBooking } from '@/lib/booking';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { readHostVersion } from '@/lib/cache/host-version';
import { runHostWrite } from '@/lib/hosts/host-write';
import { createBookableHost, createHost, inviteeFor } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';

// The one write seam: lock → one transaction → outbox → version bump, with an actor.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

async function outboxFor(bookingId: string) {
  return database.select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`);
}

describe('cancelling as the host', () => {
  it('uses the invitee’s cancel service: the booking is cancelled, the event says the host did it, slots move on', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const store = createMemoryStore();
    const before = await readHostVersion(store, host.id);
    const cancelled = await cancelBooking(
      { database, store },
      { bookingId: body.booking.id, access: { kind: 'host', userId: host.id }, reason: 'Out sick', now: Date.now() },
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'Out sick' });
    const events = await outboxFor(body.booking.id);
    expect(events.map((e) => e.eventName)).toEqual(['booking/confirmed', 'booking/cancelled']);
    expect(events[1]?.payload).toMatchObject({ cancelledBy: 'host', reason: 'Out sick' });
    expect(await readHostVersion(store, host.id)).toBe(before + 1);
  });

  it('answers another host with 404 and changes nothing', async () => {
    const { meetingType } = await createBookableHost(database);
    const stranger = await createHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await expect(
      cancelBooking(
        { database, store: createMemoryStore() },
        { bookingId: body.booking.id, access: { kind: 'host', userId: stranger.id }, now: Date.now() },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await database.select().from(bookings).where(eq(bookings.id, body.booking.id));
    expect(row?.status).toBe('confirmed');
    expect((await outboxFor(body.booking.id)).map((e) => e.eventName)).toEqual(['booking/confirmed']);
  });
});

describe('runHostWrite', () => {
  it('refuses a host acting on another host before locking anything', async () => {
    const owner = await createHost(database);
    const stranger = await createHost(database);
    let ran = false;
    const write = runHostWrite({ database, store: createMemoryStore() }, { hostUserId: owner.id, actor: { kind: 'host', userId: stranger.id } }, async () => {
      ran = true;
    });
    await expect(write).rejects.toMatchObject({ code: 'not_found' });
    expect(ran).toBe(false);
  });

  it('joins a caller’s write: one transaction for both hosts, both versions bumped after commit', async () => {
    const first = await createHost(database);
    const second = await createHost(database);
    const store = createMemoryStore();
    const deps = { database, store };
    await runHostWrite(deps, { hostUserId: first.id, actor: { kind: 'system', job: 'test' } }, async (outer) => {
      await outer.tx.insert(availabilityOverrides).values({ userId: first.id, scheduleId: defaultScheduleOf(first.id), date: '2027-01-11', startTime: null, endTime: null });
      await runHostWrite(deps, { hostUserId: second.id, actor: { kind: 'system', job: 'test' } }, async (inner) => {
        expect(inner.tx).toBe(outer.tx);
        await inner.tx.insert(availabilityOverrides).values({ userId: second.id, scheduleId: defaultScheduleOf(second.id), date: '2027-01-11', startTime: null, endTime: null });
      }, { within: outer });
      // Nothing is bumped before the transaction commits.
      expect(await readHostVersion(store, second.id)).toBe(0);
    });
    expect(await readHostVersion(store, first.id)).toBe(1);
    expect(await readHostVersion(store, second.id)).toBe(1);
  });

  it('keeps nothing of a write that fails: no rows, no outbox events, no version bump', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const store = createMemoryStore();
    const failing = runHostWrite({ database, store }, { hostUserId: host.id, actor: { kind: 'host', userId: host.id } }, async ({ tx, emit }) => {
      await tx.insert(availabilityOverrides).values({ userId: host.id, scheduleId: defaultScheduleOf(host.id), date: '2027-02-01', startTime: null, endTime: null });
      await emit('booking/cancelled', {
        bookingId: body.booking.id,
        hostUserId: host.id,
        meetingTypeId: meetingType.id,
        start: body.booking.start,
        end: body.booking.end,
        reason: null,
        cancelledBy: 'host',
      });
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(await database.select().from(availabilityOverrides).where(eq(availabilityOverrides.userId, host.id))).toEqual([]);
    expect((await outboxFor(body.booking.id)).map((e) => e.eventName)).toEqual(['booking/confirmed']);
    expect(await readHostVersion(store, host.id)).toBe(0);
  });
});
