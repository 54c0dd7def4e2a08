import { eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { inviteeFor, insertBookingRow } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';
import { createTeamType } from './team-booking-fixtures';

// Booking a team type through POST /api/v1/bookings: who is assigned (round robin) and which rows a
// collective booking holds. Monday 2027-01-11, 10:00 New York = 15:00Z.

const database = connectTestDatabase();
const at = (hourUtc: number, minute = 0) => new Date(Date.UTC(2027, 0, 11, hourUtc, minute)).toISOString();

async function hostOf(bookingId: string) {
  const [row] = await database.select().from(bookings).where(eq(bookings.id, bookingId));
  return row!.hostUserId;
}

describe('round-robin assignment', () => {
  it('assigns the least recently booked free member, in turn', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: 3 });
    const hosts = [];
    for (const hour of [14, 15, 16, 17, 18, 19]) {
      const reply = await book(inviteeFor(meetingType.id, at(hour)));
      expect(reply.status).toBe(201);
      hosts.push(await hostOf(reply.body.booking.id));
    }
    // Each member once before anyone twice, then the same rotation again.
    expect(new Set(hosts.slice(0, 3)).size).toBe(3);
    expect(hosts.slice(3)).toEqual(hosts.slice(0, 3));
    expect(new Set(hosts)).toEqual(new Set(members.map((member) => member.id)));
  });

  it('skips a member who is busy at the start and assigns the next free one', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: 2 });
    const [first, second] = members;
    // The first member has a personal meeting at 15:00; only the second is free then.
    await insertBookingRow(database, { hostUserId: first!.id, meetingTypeId: meetingType.id, start: at(15), end: at(15, 30) });
    const reply = await book(inviteeFor(meetingType.id, at(15)));
    expect(reply.status).toBe(201);
    expect(await hostOf(reply.body.booking.id)).toBe(second!.id);
    // The reply tells the invitee who they meet.
    expect((reply.body.booking as { hosts?: string[] }).hosts).toEqual([second!.name]);
  });

  it('prefers a free member of higher priority over a less recently booked one', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: [{ priority: 2 }, { priority: 4 }] });
    for (const hour of [14, 15, 16]) {
      const reply = await book(inviteeFor(meetingType.id, at(hour)));
      expect(await hostOf(reply.body.booking.id)).toBe(members[1]!.id);
    }
  });

  it('shares bookings by weight: a member of weight 200 gets two for every one of weight 100', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: [{ weight: 100 }, { weight: 200 }] });
    const counts = new Map<string, number>();
    for (const hour of [14, 15, 16, 17, 18, 19]) {
      const reply = await book(inviteeFor(meetingType.id, at(hour)));
      const host = await hostOf(reply.body.booking.id);
      counts.set(host, (counts.get(host) ?? 0) + 1);
    }
    expect(counts.get(members[0]!.id)).toBe(2);
    expect(counts.get(members[1]!.id)).toBe(4);
  });

  it('answers 409 slot_taken when no member is free, and 422-class errors of the type as they are', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: 2 });
    for (const member of members) await insertBookingRow(database, { hostUserId: member.id, meetingTypeId: meetingType.id, start: at(15), end: at(15, 30) });
    const taken = await book(inviteeFor(meetingType.id, at(15)));
    expect(taken.status).toBe(409);
    expect(taken.body.error?.code).toBe('slot_taken');
    const tooFar = await book(inviteeFor(meetingType.id, '2030-01-07T15:00:00.000Z'));
    expect(tooFar.status).toBe(409);
    expect(tooFar.body.error?.code).toBe('slot_unavailable');
    expect(tooFar.body.error?.details).toEqual({ reason: 'too_far' });
  });

  it('replays an Idempotency-Key with the same booking and member', async () => {
    const { meetingType } = await createTeamType(database, { schedulingType: 'round_robin', members: 3 });
    const request = inviteeFor(meetingType.id, at(15));
    const headers = { 'idempotency-key': `key-${crypto.randomUUID()}` };
    const first = await book(request, headers);
    const again = await book(request, headers);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.booking.id).toBe(first.body.booking.id);
  });
});

describe('collective booking', () => {
  it('holds every member’s time: the lead row for the invitee and one row per other member', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    const reply = await book(inviteeFor(meetingType.id, at(15)));
    expect(reply.status).toBe(201);
    const leadId = reply.body.booking.id;
    const rows = await database.select().from(bookings).where(or(eq(bookings.id, leadId), eq(bookings.collectiveLeadId, leadId)));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => row.hostUserId))).toEqual(new Set(members.map((member) => member.id)));
    const lead = rows.find((row) => row.id === leadId)!;
    expect([...((reply.body.booking as { hosts?: string[] }).hosts ?? [])].sort()).toEqual(members.map((m) => m.name).sort());
    // The lead is the member first in uuid order (the lock order).
    expect(lead.hostUserId).toBe([...members.map((member) => member.id)].sort()[0]);
    for (const row of rows) expect(row.startTime.toISOString()).toBe(at(15));
    // Member rows answer to no invitee link.
    for (const row of rows.filter((r) => r.id !== leadId)) expect(row.cancelTokenHash).not.toBe(lead.cancelTokenHash);
  });

  it('refuses with 409 when any one member is busy, and stores nothing', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    await insertBookingRow(database, { hostUserId: members[2]!.id, meetingTypeId: meetingType.id, start: at(15), end: at(15, 30) });
    const reply = await book(inviteeFor(meetingType.id, at(15)));
    expect(reply.status).toBe(409);
    expect(reply.body.error?.code).toBe('slot_taken');
    const stored = await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id));
    expect(stored).toHaveLength(1);
  });
});
