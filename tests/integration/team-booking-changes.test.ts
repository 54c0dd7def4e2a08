import { eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { cancelBooking } from '@/lib/booking';
import { cacheStore } from '@/lib/cache';
import { insertBookingRow, inviteeFor } from '../factories';
import { book, cancel, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';
import { createTeamType } from './team-booking-fixtures';

// Cancelling and moving team bookings through the invitee's links and the host's own verbs.
// Monday 2027-01-11; 10:00 New York = 15:00Z.

const database = connectTestDatabase();
const at = (hourUtc: number, minute = 0) => new Date(Date.UTC(2027, 0, 11, hourUtc, minute)).toISOString();
const row = async (id: string) => (await database.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const groupOf = (leadId: string) => database.select().from(bookings).where(or(eq(bookings.id, leadId), eq(bookings.collectiveLeadId, leadId)));

describe('round-robin reschedule', () => {
  it('keeps the same member when they are free at the new time, though another is less recently booked', async () => {
    const { meetingType } = await createTeamType(database, { schedulingType: 'round_robin', members: 3 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    const member = (await row(first.body.booking.id)).hostUserId;
    // Two more bookings go to the other two: the kept member is now the most recently booked but one.
    await book(inviteeFor(meetingType.id, at(16)));
    await book(inviteeFor(meetingType.id, at(17)));
    const moved = await reschedule(first.body.booking.id, { token: tokenOf(first.body.booking.rescheduleUrl), start: at(19) });
    expect(moved.status).toBe(201);
    const next = await row(moved.body.booking.id);
    expect(next.hostUserId).toBe(member);
    expect(next.startTime.toISOString()).toBe(at(19));
    expect((await row(first.body.booking.id)).status).toBe('rescheduled');
  });

  it('assigns another free member when the kept one is busy at the new time', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: 2 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    const member = (await row(first.body.booking.id)).hostUserId;
    const other = members.find((m) => m.id !== member)!;
    await insertBookingRow(database, { hostUserId: member, meetingTypeId: meetingType.id, start: at(19), end: at(19, 30) });
    const moved = await reschedule(first.body.booking.id, { token: tokenOf(first.body.booking.rescheduleUrl), start: at(19) });
    expect(moved.status).toBe(201);
    expect((await row(moved.body.booking.id)).hostUserId).toBe(other.id);
    // The invitee is told the new host.
    expect((moved.body.booking as { hosts?: string[] }).hosts).toEqual([other.name]);
    expect((await row(first.body.booking.id)).status).toBe('rescheduled');
  });

  it('refuses with 409 slot_taken when nobody is free at the new time, and the booking stands', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: 2 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    for (const member of members) await insertBookingRow(database, { hostUserId: member.id, meetingTypeId: meetingType.id, start: at(19), end: at(19, 30) });
    const moved = await reschedule(first.body.booking.id, { token: tokenOf(first.body.booking.rescheduleUrl), start: at(19) });
    expect(moved.status).toBe(409);
    expect(moved.body.error?.code).toBe('slot_taken');
    expect((await row(first.body.booking.id)).status).toBe('confirmed');
  });
});

describe('collective cancel and reschedule', () => {
  it('moves every member’s row together, the invitee’s links following the lead', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    const moved = await reschedule(first.body.booking.id, { token: tokenOf(first.body.booking.rescheduleUrl), start: at(18) });
    expect(moved.status).toBe(201);
    const now = await groupOf(moved.body.booking.id);
    expect(now).toHaveLength(3);
    expect(new Set(now.map((r) => r.hostUserId))).toEqual(new Set(members.map((m) => m.id)));
    for (const r of now) expect([r.status, r.startTime.toISOString()]).toEqual(['confirmed', at(18)]);
    const before = await groupOf(first.body.booking.id);
    expect(before.map((r) => r.status)).toEqual(['rescheduled', 'rescheduled', 'rescheduled']);
  });

  it('moves nothing when one member is busy at the new time', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    await insertBookingRow(database, { hostUserId: members[1]!.id, meetingTypeId: meetingType.id, start: at(18), end: at(18, 30) });
    const moved = await reschedule(first.body.booking.id, { token: tokenOf(first.body.booking.rescheduleUrl), start: at(18) });
    expect(moved.status).toBe(409);
    const still = await groupOf(first.body.booking.id);
    expect(still.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  });

  it('cancels every row through the invitee’s link', async () => {
    const { meetingType } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    const reply = await cancel(first.body.booking.id, { token: tokenOf(first.body.booking.cancelUrl), reason: 'Plans changed' });
    expect(reply.status).toBe(200);
    const rows = await groupOf(first.body.booking.id);
    for (const r of rows) expect([r.status, r.cancelledBy, r.cancellationReason]).toEqual(['cancelled', 'invitee', 'Plans changed']);
  });

  it('cancels every row when a member who is not the lead cancels their own row, and frees each member’s time', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    const rows = await groupOf(first.body.booking.id);
    const memberRow = rows.find((r) => r.collectiveLeadId !== null)!;
    const cancelled = await cancelBooking({ database, store: cacheStore() }, { bookingId: memberRow.id, access: { kind: 'host', userId: memberRow.hostUserId }, now: Date.now() });
    expect(cancelled.id).toBe(memberRow.id);
    expect((await groupOf(first.body.booking.id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    // Every member is free again: the same time books.
    expect((await book(inviteeFor(meetingType.id, at(15)))).status).toBe(201);
    expect(members).toHaveLength(3);
  });

  it('a member cannot reach a collective booking of a team type they do not attend', async () => {
    const { meetingType } = await createTeamType(database, { schedulingType: 'collective', members: 2 });
    const outsider = await createTeamType(database, { schedulingType: 'collective', members: 1 });
    const first = await book(inviteeFor(meetingType.id, at(15)));
    await expect(
      cancelBooking({ database, store: cacheStore() }, { bookingId: first.body.booking.id, access: { kind: 'host', userId: outsider.members[0]!.id }, now: Date.now() }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
