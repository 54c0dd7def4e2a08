import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { createBookableHost, createMeetingType, inviteeFor } from '../factories';
import { book, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// Many requests at once, through the real handlers, against real Postgres. The assertion that matters
// is the stored result: never two confirmed bookings of one host that overlap.

const database = connectTestDatabase();

async function confirmedOfHost(hostUserId: string) {
  return database
    .select()
    .from(bookings)
    .where(and(eq(bookings.hostUserId, hostUserId), eq(bookings.status, 'confirmed')));
}

function expectNoOverlaps(rows: (typeof bookings.$inferSelect)[]) {
  const blocked = rows
    .map((r) => ({
      start: r.startTime.getTime() - r.bufferBeforeMinutes * 60_000,
      end: r.endTime.getTime() + r.bufferAfterMinutes * 60_000,
    }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < blocked.length; i++) expect(blocked[i]!.start).toBeGreaterThanOrEqual(blocked[i - 1]!.end);
}

function countStatuses(statuses: number[]) {
  return statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
}

describe('concurrent bookings', () => {
  it('100 requests for one slot: exactly one 201, 99 × 409, no 5xx, one row', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const replies = await Promise.all(
      Array.from({ length: 100 }, () => book(inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z'))),
    );
    expect(countStatuses(replies.map((r) => r.status))).toEqual({ 201: 1, 409: 99 });
    for (const reply of replies.filter((r) => r.status === 409)) expect(reply.body.error?.code).toBe('slot_unavailable');
    expect(await confirmedOfHost(host.id)).toHaveLength(1);
  });

  it('100 requests across two meeting types whose times overlap but start differently: no overlap is stored, no 5xx', async () => {
    const { host, meetingType: half } = await createBookableHost(database, { durationMinutes: 30, bufferAfterMinutes: 5 });
    const hour = await createMeetingType(database, host.id, { durationMinutes: 60, maxDaysInFuture: 730, slotIntervalMinutes: 20 });
    const starts = (type: string, first: number, step: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ type, start: new Date(Date.UTC(2027, 0, 11, 14, first + i * step)).toISOString() }));
    // 09:00–12:15 New York on the 15-minute grid, and 09:00–12:00 on the 20-minute grid.
    const attempts = [...starts(half.id, 0, 15, 14), ...starts(hour.id, 0, 20, 10)];
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempts[i % attempts.length]!).map((a) => book(inviteeFor(a.type, a.start))),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const stored = await confirmedOfHost(host.id);
    expect(stored.length).toBe(statuses.filter((s) => s === 201).length);
    expect(stored.length).toBeGreaterThan(1);
    expectNoOverlaps(stored);
  });

  it('50 identical requests with one Idempotency-Key: one booking, and every reply carries its id', async () => {
    const { meetingType } = await createBookableHost(database);
    const request = inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z');
    const key = `key-${crypto.randomUUID()}`;
    const replies = await Promise.all(Array.from({ length: 50 }, () => book(request, { 'idempotency-key': key })));
    const ids = new Set(replies.map((r) => r.body.booking?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(countStatuses(replies.map((r) => r.status))).toEqual({ 201: 1, 200: 49 });
    expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toHaveLength(1);
  });

  it('a reschedule racing a new booking for the time it frees stays consistent', async () => {
    for (let round = 0; round < 10; round++) {
      const { host, meetingType } = await createBookableHost(database);
      const original = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z'));
      const [moved, newcomer] = await Promise.all([
        reschedule(original.body.booking.id, { token: tokenOf(original.body.booking.rescheduleUrl), start: '2027-01-11T17:00:00.000Z' }),
        book(inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z')),
      ]);
      expect(moved.status).toBe(201);
      expect([201, 409]).toContain(newcomer.status);
      const stored = await confirmedOfHost(host.id);
      expectNoOverlaps(stored);
      // The original is replaced by exactly one successor; the newcomer holds 10:00 only if it won.
      expect(stored.map((b) => b.startTime.toISOString()).sort()).toEqual(
        newcomer.status === 201 ? ['2027-01-11T15:00:00.000Z', '2027-01-11T17:00:00.000Z'] : ['2027-01-11T17:00:00.000Z'],
      );
      const [old] = await database.select().from(bookings).where(inArray(bookings.id, [original.body.booking.id]));
      expect(old?.status).toBe('rescheduled');
    }
  });

  it('a reschedule racing a new booking for the same target time: exactly one gets it', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const original = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z'));
    const [moved, newcomer] = await Promise.all([
      reschedule(original.body.booking.id, { token: tokenOf(original.body.booking.rescheduleUrl), start: '2027-01-11T18:00:00.000Z' }),
      book(inviteeFor(meetingType.id, '2027-01-11T18:00:00.000Z')),
    ]);
    expect([moved.status, newcomer.status].sort()).toEqual([201, 409]);
    const stored = await confirmedOfHost(host.id);
    expectNoOverlaps(stored);
    expect(stored.filter((b) => b.startTime.toISOString() === '2027-01-11T18:00:00.000Z')).toHaveLength(1);
    // If the reschedule lost, the original booking still stands.
    if (moved.status === 409) expect(stored.map((b) => b.id)).toContain(original.body.booking.id);
  });
});
