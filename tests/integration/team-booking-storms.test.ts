import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { createMeetingType, inviteeFor } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';
import { createTeamType } from './team-booking-fixtures';

// Storms against team types through the real handler on real Postgres. What matters is what is stored:
// no member ever holds two overlapping bookings, and every start that had a free member was taken.

const database = connectTestDatabase();
type Row = typeof bookings.$inferSelect;

function countStatuses(statuses: number[]) {
  return statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
}

function expectNoOverlapPerHost(rows: Row[]) {
  for (const host of new Set(rows.map((row) => row.hostUserId))) {
    const own = rows.filter((row) => row.hostUserId === host);
    const sorted = own.map((r) => ({ start: r.startTime.getTime(), end: r.endTime.getTime() })).sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
  }
}

describe('team booking storms', () => {
  it('200 concurrent bookings into a 3-member round robin: no member double-booked, every free start taken once per member', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'round_robin', members: 3 });
    // Monday 09:00–17:00 New York on the 30-minute grid: 16 starts × 3 members = 48 bookings of capacity.
    const starts = Array.from({ length: 16 }, (_, i) => new Date(Date.UTC(2027, 0, 11, 14, i * 30)).toISOString());
    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => book(inviteeFor(meetingType.id, starts[i % starts.length]!))));
    const statuses = replies.map((reply) => reply.status);
    expect(countStatuses(statuses)).toEqual({ 201: 48, 409: 152 });
    for (const reply of replies.filter((r) => r.status === 409)) expect(reply.body.error?.code).toBe('slot_taken');
    const stored = await database
      .select()
      .from(bookings)
      .where(and(eq(bookings.meetingTypeId, meetingType.id), eq(bookings.status, 'confirmed')));
    expect(stored).toHaveLength(48);
    expectNoOverlapPerHost(stored);
    // Each start once per member, and every member holds every start (all were free).
    const pairs = new Set(stored.map((row) => `${row.hostUserId}@${row.startTime.toISOString()}`));
    expect(pairs.size).toBe(48);
    for (const member of members) expect(stored.filter((row) => row.hostUserId === member.id)).toHaveLength(16);
  }, 120_000);

  it('collective bookings racing single-member bookings of one member: exactly one wins each conflict', async () => {
    const { meetingType, members } = await createTeamType(database, { schedulingType: 'collective', members: 3 });
    const contested = members[1]!;
    const personal = await createMeetingType(database, contested.id, { maxDaysInFuture: 730 });
    const starts = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2027, 0, 11, 14, i * 30)).toISOString());
    const attempts = starts.flatMap((start) => [
      { kind: 'collective' as const, start, request: inviteeFor(meetingType.id, start) },
      { kind: 'collective' as const, start, request: inviteeFor(meetingType.id, start) },
      { kind: 'personal' as const, start, request: inviteeFor(personal.id, start) },
      { kind: 'personal' as const, start, request: inviteeFor(personal.id, start) },
    ]);
    const replies = await Promise.all(attempts.map((attempt) => book(attempt.request)));
    expect(replies.every((reply) => reply.status === 201 || reply.status === 409)).toBe(true);
    const stored = await database
      .select()
      .from(bookings)
      .where(and(inArray(bookings.hostUserId, members.map((m) => m.id)), eq(bookings.status, 'confirmed')));
    expectNoOverlapPerHost(stored);
    for (const start of starts) {
      const won = attempts.map((attempt, i) => ({ ...attempt, status: replies[i]!.status })).filter((a) => a.start === start && a.status === 201);
      expect(won).toHaveLength(1);
      const atStart = stored.filter((row) => row.startTime.toISOString() === start);
      // A collective win holds all three members; a personal win holds only the contested member.
      expect(atStart).toHaveLength(won[0]!.kind === 'collective' ? 3 : 1);
      if (won[0]!.kind === 'personal') expect(atStart[0]!.hostUserId).toBe(contested.id);
    }
  }, 120_000);
});
