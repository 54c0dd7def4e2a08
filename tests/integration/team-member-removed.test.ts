import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, outbox, teamMembers } from '@/db/schema';
import { teamMemberRemoved } from '@/inngest/functions/team-member-removed';
import { NOBODY_FREE_REASON, reassignRemovedMemberBookings } from '@/lib/booking/team/reassign-removed-member';
import { cacheStore } from '@/lib/cache';
import { insertBookingRow, inviteeFor } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';
import { createTeamType } from './team-booking-fixtures';

// The team/member-removed job: a removed member's future round-robin bookings go to a free member at
// the same time, or are cancelled by the system when nobody is free; the rest of their bookings stay.

const database = connectTestDatabase();
const at = (hourUtc: number, minute = 0) => new Date(Date.UTC(2027, 0, 11, hourUtc, minute)).toISOString();
const row = async (id: string) => (await database.select().from(bookings).where(eq(bookings.id, id)))[0]!;
const eventsFor = (bookingId: string) => database.select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`);

describe('team/member-removed', () => {
  it('reassigns a future booking to a free member, cancels one nobody can take, and leaves past bookings', async () => {
    // The first member has the highest priority, so every booking goes to them.
    const { team, meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: [{ priority: 4 }, {}, {}] });
    const [leaving, second, third] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number]];
    const handed = await book(inviteeFor(meetingType.id, at(16)));
    const stranded = await book(inviteeFor(meetingType.id, at(15)));
    expect((await row(handed.body.booking.id)).hostUserId).toBe(leaving.id);
    expect((await row(stranded.body.booking.id)).hostUserId).toBe(leaving.id);
    // Nobody else is free at 15:00.
    for (const busy of [second, third]) await insertBookingRow(database, { hostUserId: busy.id, meetingTypeId: meetingType.id, start: at(15), end: at(15, 30) });
    const past = await insertBookingRow(database, { hostUserId: leaving.id, meetingTypeId: meetingType.id, start: '2026-01-05T15:00:00.000Z', end: '2026-01-05T15:30:00.000Z' });

    await database.delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, leaving.id)));
    const outcomes = await reassignRemovedMemberBookings({ database, store: cacheStore() }, { teamId: team.id, userId: leaving.id, now: Date.now() });
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['cancelled', 'reassigned']);

    // Handed on at the same time to a free member, told as a move by the system.
    const moved = await database.select().from(bookings).where(eq(bookings.rescheduledFromId, handed.body.booking.id));
    expect(moved).toHaveLength(1);
    expect([second.id, third.id]).toContain(moved[0]!.hostUserId);
    expect(moved[0]!.startTime.toISOString()).toBe(at(16));
    expect((await row(handed.body.booking.id)).status).toBe('rescheduled');
    const movedEvents = await eventsFor(moved[0]!.id);
    expect(movedEvents.map((e) => [e.eventName, e.payload.rescheduledBy])).toEqual([['booking/rescheduled', 'system']]);

    // Nobody free: cancelled by the system with a reason the invitee reads.
    const cancelled = await row(stranded.body.booking.id);
    expect([cancelled.status, cancelled.cancelledBy, cancelled.cancellationReason]).toEqual(['cancelled', 'system', NOBODY_FREE_REASON]);

    expect((await row(past.id)).status).toBe('confirmed');

    // A second run (a retried job) changes nothing.
    expect(await reassignRemovedMemberBookings({ database, store: cacheStore() }, { teamId: team.id, userId: leaving.id, now: Date.now() })).toEqual([]);
  });

  it('runs as a job on the event', async () => {
    const { team, meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: [{ priority: 4 }, {}] });
    const first = await book(inviteeFor(meetingType.id, at(17)));
    await database.delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, members[0]!.id)));
    const step = { run: <T>(_id: string, work: () => Promise<T>) => work(), sleepUntil: async () => undefined };
    const event = { id: crypto.randomUUID(), name: 'team/member-removed' as const, ts: Date.now(), data: { teamId: team.id, userId: members[0]!.id, removedByUserId: null } };
    expect(await teamMemberRemoved.handler({ event, step })).toEqual({ reassigned: 1, cancelled: 0 });
    const [moved] = await database.select().from(bookings).where(eq(bookings.rescheduledFromId, first.body.booking.id));
    expect(moved?.hostUserId).toBe(members[1]!.id);
  });
});
