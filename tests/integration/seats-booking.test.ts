import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { createBookableHost, createMeetingType, inviteeFor } from '../factories';
import { book, cancel, fetchAvailability, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// Group events through the real handlers on real Postgres: seats are counted under the host lock, so
// the last seats go to exactly as many requests as there are seats, and everyone else gets 409.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const MONDAY_11AM_NY = '2027-01-11T16:00:00.000Z';

async function groupEvent(seatsPerSlot: number) {
  return createBookableHost(database, { durationMinutes: 60, slotIntervalMinutes: 60, seatsPerSlot });
}

async function seatsOn(meetingTypeId: string, start: string) {
  return database
    .select()
    .from(bookings)
    .where(and(eq(bookings.meetingTypeId, meetingTypeId), eq(bookings.startTime, new Date(start)), eq(bookings.status, 'confirmed')));
}

async function slotsOn(meetingTypeId: string) {
  const { status, body } = await fetchAvailability({ meetingTypeId, start: '2027-01-11', end: '2027-01-11', timezone: 'America/New_York' });
  expect(status).toBe(200);
  return body.slots as { start: string; seatsLeft?: number }[];
}

describe('group events (seats)', () => {
  it('keeps offering a start with its seats left, and other meeting types see the occasion as busy', async () => {
    const { host, meetingType } = await groupEvent(4);
    const other = await createMeetingType(database, host.id, { durationMinutes: 30, maxDaysInFuture: 730 });
    for (let i = 0; i < 3; i++) expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
    const slots = await slotsOn(meetingType.id);
    expect(slots.find((slot) => slot.start === MONDAY_10AM_NY)?.seatsLeft).toBe(1);
    expect(slots.find((slot) => slot.start === MONDAY_11AM_NY)?.seatsLeft).toBe(4);
    const otherStarts = (await slotsOn(other.id)).map((slot) => slot.start);
    expect(otherStarts).not.toContain(MONDAY_10AM_NY);
    expect(otherStarts).not.toContain('2027-01-11T15:30:00.000Z');
    expect((await slotsOn(other.id)).every((slot) => slot.seatsLeft === undefined)).toBe(true);
    const refused = await book(inviteeFor(other.id, '2027-01-11T15:30:00.000Z'));
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('slot_unavailable');
  });

  it('gives each invitee their own booking with their own links, and a full start answers 409 slot_taken', async () => {
    const { meetingType } = await groupEvent(2);
    const first = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const second = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.booking.id).not.toBe(second.body.booking.id);
    expect(tokenOf(first.body.booking.cancelUrl)).not.toBe(tokenOf(second.body.booking.cancelUrl));
    const full = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect(full.status).toBe(409);
    expect(full.body.error?.code).toBe('slot_taken');
    expect((await slotsOn(meetingType.id)).map((slot) => slot.start)).not.toContain(MONDAY_10AM_NY);
    const rows = await seatsOn(meetingType.id, MONDAY_10AM_NY);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.seatKey)).size).toBe(1);
  });

  it('200 concurrent requests for the last 3 seats: exactly 3 succeed, the rest get 409, and the occasion holds exactly its seats', async () => {
    const { meetingType } = await groupEvent(10);
    for (let i = 0; i < 7; i++) expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
    const replies = await Promise.all(Array.from({ length: 200 }, () => book(inviteeFor(meetingType.id, MONDAY_10AM_NY))));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(197);
    expect(replies.filter((reply) => reply.status === 409).every((reply) => reply.body.error?.code === 'slot_taken')).toBe(true);
    expect(await seatsOn(meetingType.id, MONDAY_10AM_NY)).toHaveLength(10);
  });

  it('an invitee cancelling frees one seat', async () => {
    const { meetingType } = await groupEvent(2);
    const first = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect((await cancel(first.body.booking.id, { token: tokenOf(first.body.booking.cancelUrl) })).status).toBe(200);
    expect((await slotsOn(meetingType.id)).find((slot) => slot.start === MONDAY_10AM_NY)?.seatsLeft).toBe(1);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
  });

  it('rescheduling one seat moves only that invitee, into another occasion with a free seat', async () => {
    const { meetingType } = await groupEvent(3);
    const moving = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const staying = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await book(inviteeFor(meetingType.id, MONDAY_11AM_NY));
    const moved = await reschedule(moving.body.booking.id, { token: tokenOf(moving.body.booking.rescheduleUrl), start: MONDAY_11AM_NY });
    expect(moved.status).toBe(201);
    expect((await seatsOn(meetingType.id, MONDAY_10AM_NY)).map((row) => row.id)).toEqual([staying.body.booking.id]);
    expect(await seatsOn(meetingType.id, MONDAY_11AM_NY)).toHaveLength(2);
  });
});
