import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { bookings } from '@/db/schema';
import { hashToken } from '@/lib/secrets/token-hash';
import { answerAvailability, freeTeamMembersAt } from '@/lib/availability';
import { forgetRepliesForTests } from '@/lib/availability/reply-cache';
import { bumpHostVersion } from '@/lib/cache/host-version';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { requireDatabaseUrl } from '@/lib/env';
import { insertBookingRow } from '../factories';
import { fetchAvailability } from './api';
import { createTeamType, insertBusy } from './team-availability-fixtures';

// Team availability below HTTP and through the route: round robin offers a start when any chosen member
// is free, collective only when all are; every member's data loads in the same number of queries
// however many members; and the cached team answer follows any member's change.

const queries: string[] = [];
const database = createDatabase(requireDatabaseUrl(), { max: 2, onQuery: (sql) => queries.push(sql) });
afterAll(() => database.close());
beforeEach(() => forgetRepliesForTests());

const MONDAY = '2027-01-11'; // New York is UTC−5
const ny = (hhmm: string) => new Date(`${MONDAY}T${hhmm}:00-05:00`).toISOString();
const NOW = Date.parse('2027-01-01T00:00:00Z');
const search = (meetingTypeId: string) => new URLSearchParams({ meetingTypeId, start: MONDAY, end: MONDAY, timezone: 'America/New_York' }).toString();

async function startsOf(deps: Parameters<typeof answerAvailability>[0], meetingTypeId: string): Promise<string[]> {
  const { body } = await answerAvailability(deps, search(meetingTypeId), NOW);
  const reply = JSON.parse(new TextDecoder().decode(body)) as { slots: { start: string }[] };
  return reply.slots.map((slot) => slot.start.replace('.000Z', 'Z'));
}
/** A new shared store and no remembered replies: the data as it is now, with no version bumped. */
const freshDeps = () => {
  forgetRepliesForTests();
  return { database, store: createMemoryStore() };
};
const iso = (hhmm: string) => ny(hhmm).replace('.000Z', 'Z');
const hoursBetween = (from: string, to: string) => {
  const starts: string[] = [];
  for (let at = Date.parse(ny(from)); at < Date.parse(ny(to)); at += 30 * 60_000) starts.push(new Date(at).toISOString().replace('.000Z', 'Z'));
  return starts;
};

describe('team availability', () => {
  it('round robin offers a start while at least one member is free, collective only while all are', async () => {
    const hours = [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '14:00' }];
    const roundRobin = await createTeamType(database, { mode: 'round_robin', hours });
    const collective = await createTeamType(database, { mode: 'collective', hours });
    const deps = freshDeps;

    expect(await startsOf(deps(), roundRobin.meetingType.id)).toEqual(hoursBetween('09:00', '14:00'));
    expect(await startsOf(deps(), collective.meetingType.id)).toEqual([iso('11:00'), iso('11:30')]);

    // The first member is booked at 11:00 (by anything): the round robin still has the second member.
    for (const { members, meetingType } of [roundRobin, collective]) {
      await insertBookingRow(database, { hostUserId: members[0]!.id, meetingTypeId: meetingType.id, start: ny('11:00'), end: ny('11:30') });
    }
    expect(await startsOf(deps(), roundRobin.meetingType.id)).toContain(iso('11:00'));
    expect(await startsOf(deps(), collective.meetingType.id)).toEqual([iso('11:30')]);

    // Both members busy at 11:30 and the round robin has nobody then either.
    await insertBusy(database, roundRobin.members[0]!.id, ny('11:30'), ny('12:00'));
    await insertBusy(database, roundRobin.members[1]!.id, ny('11:30'), ny('12:00'));
    expect(await startsOf(deps(), roundRobin.meetingType.id)).not.toContain(iso('11:30'));

    // The booking path's helper names the members free at a start, never someone who is not.
    expect(await freeTeamMembersAt(database, roundRobin.meetingType.id, Date.parse(ny('11:00')), NOW)).toEqual([roundRobin.members[1]!.id]);
    expect(await freeTeamMembersAt(database, roundRobin.meetingType.id, Date.parse(ny('10:00')), NOW)).toEqual([roundRobin.members[0]!.id]);
    expect(await freeTeamMembersAt(database, roundRobin.meetingType.id, Date.parse(ny('11:30')), NOW)).toEqual([]);
    expect(await freeTeamMembersAt(database, collective.meetingType.id, Date.parse(ny('11:00')), NOW)).toEqual([]);
    expect((await freeTeamMembersAt(database, collective.meetingType.id, Date.parse(ny('11:30')), NOW)).sort()).toEqual(collective.members.map((member) => member.id).sort());
  });

  it('applies the team type’s daily limit to each member on their own', async () => {
    const { members, meetingType } = await createTeamType(database, { hours: [{ start: '09:00', end: '10:00' }, { start: '09:00', end: '10:00' }], meetingType: { maxBookingsPerDay: 1 } });
    await insertBookingRow(database, { hostUserId: members[0]!.id, meetingTypeId: meetingType.id, start: ny('09:00'), end: ny('09:30') });
    // The first member reached the limit; the second still offers both starts.
    expect(await startsOf(freshDeps(), meetingType.id)).toEqual([iso('09:00'), iso('09:30')]);
    await insertBookingRow(database, { hostUserId: members[1]!.id, meetingTypeId: meetingType.id, start: ny('09:30'), end: ny('10:00') });
    expect(await startsOf(freshDeps(), meetingType.id)).toEqual([]);
  });

  it('loads every member in the same number of queries for 2 members and for 10, and none when warm', async () => {
    const count = async (size: number) => {
      const { members, meetingType } = await createTeamType(database, { hours: Array.from({ length: size }, () => ({ start: '09:00', end: '17:00' })) });
      for (const member of members) {
        await insertBookingRow(database, { hostUserId: member.id, meetingTypeId: meetingType.id, start: ny('10:00'), end: ny('10:30') });
        await insertBusy(database, member.id, ny('13:00'), ny('14:00'));
      }
      const deps = { database, store: createMemoryStore() };
      queries.length = 0;
      const cold = await startsOf(deps, meetingType.id);
      const coldQueries = queries.length;
      queries.length = 0;
      const warm = await startsOf(deps, meetingType.id);
      expect(warm).toEqual(cold);
      expect(cold).not.toContain(iso('10:00'));
      expect(cold).not.toContain(iso('13:30'));
      return { cold: coldQueries, warm: queries.length };
    };
    const two = await count(2);
    const ten = await count(10);
    expect(two.cold).toBe(2); // the head (with the chosen members), then one schedule query for all of them
    expect(ten.cold).toBe(two.cold);
    expect(two.warm).toBe(0);
    expect(ten.warm).toBe(0);
  });

  it('changes the cached team answer when any member’s booking or busy time changes (their version bumps), and not before', async () => {
    const { members, meetingType } = await createTeamType(database, { mode: 'collective', hours: [{ start: '09:00', end: '11:00' }, { start: '09:00', end: '11:00' }, { start: '09:00', end: '11:00' }] });
    const deps = { database, store: createMemoryStore() };
    const all = hoursBetween('09:00', '11:00');
    expect(await startsOf(deps, meetingType.id)).toEqual(all);

    await insertBookingRow(database, { hostUserId: members[2]!.id, meetingTypeId: meetingType.id, start: ny('09:00'), end: ny('09:30') });
    expect(await startsOf(deps, meetingType.id)).toEqual(all); // cached: nothing bumped yet
    await bumpHostVersion(deps.store, members[2]!.id); // what the host write seam does after its commit
    expect(await startsOf(deps, meetingType.id)).toEqual(all.slice(1));

    // A second instance (only the shared store): the same entry, then the same change for busy time.
    forgetRepliesForTests();
    expect(await startsOf(deps, meetingType.id)).toEqual(all.slice(1));
    await insertBusy(database, members[1]!.id, ny('10:30'), ny('11:00'));
    await bumpHostVersion(deps.store, members[1]!.id);
    expect(await startsOf(deps, meetingType.id)).toEqual(all.slice(1, 3));

    // A change to the type's settings: team writes bump every member's version, as here.
    await database.execute(`update meeting_types set duration_minutes = 60 where id = '${meetingType.id}'`);
    for (const member of members) await bumpHostVersion(deps.store, member.id);
    expect(await startsOf(deps, meetingType.id)).toEqual([iso('09:30')]);
  });

  it('answers GET /api/v1/availability for a team type in the same shape, naming no member', async () => {
    const { members, meetingType } = await createTeamType(database, { hours: [{ start: '09:00', end: '10:00' }, { start: '09:30', end: '10:30' }] });
    const reply = await fetchAvailability({ meetingTypeId: meetingType.id, start: MONDAY, end: MONDAY, timezone: 'America/New_York' });
    expect(reply.status).toBe(200);
    expect(reply.body.slots).toEqual(hoursBetween('09:00', '10:30').map((start) => ({ start: new Date(start).toISOString(), end: new Date(Date.parse(start) + 30 * 60_000).toISOString() })));
    const text = JSON.stringify(reply.body);
    for (const member of members) {
      expect(text).not.toContain(member.id);
      expect(text).not.toContain(member.username);
    }
  });

  it('answers a team booking’s reschedule link with the team’s tokenless times (reschedule availability is single-host for now)', async () => {
    const { members, meetingType } = await createTeamType(database, { hours: [{ start: '09:00', end: '10:00' }, { start: '09:00', end: '10:00' }] });
    const token = `team-reschedule-${members[0]!.id}`;
    const booking = await insertBookingRow(database, { hostUserId: members[0]!.id, meetingTypeId: meetingType.id, start: ny('09:00'), end: ny('09:30') });
    await database.update(bookings).set({ rescheduleTokenHash: hashToken(token) }).where(eq(bookings.id, booking.id));
    const plain = await fetchAvailability({ meetingTypeId: meetingType.id, start: MONDAY, end: MONDAY, timezone: 'America/New_York' });
    const withToken = await fetchAvailability({ meetingTypeId: meetingType.id, start: MONDAY, end: MONDAY, timezone: 'America/New_York', rescheduleToken: token });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    expect(withToken.body.slots).toEqual(plain.body.slots);
    expect(plain.body.slots.map((slot) => slot.start)).toEqual([ny('09:00'), ny('09:30')]); // the second member is free at 09:00
  });

  it('gives a switched-off or deleted team type the same 404 as a host’s', async () => {
    const { meetingType } = await createTeamType(database, { hours: [{ start: '09:00', end: '10:00' }], meetingType: { isActive: false } });
    const reply = await fetchAvailability({ meetingTypeId: meetingType.id, start: MONDAY, end: MONDAY, timezone: 'America/New_York' });
    expect(reply.status).toBe(404);
    expect(reply.body.error?.code).toBe('not_found');
  });
});
