import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, meetingTypes, users } from '@/db/schema';
import { constraintOf, sqlStateOf } from '@/lib/errors';
import { createHost, createMeetingType, insertBookingRow, uniqueSuffix } from '../factories';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

async function hostWithMeetingType() {
  const host = await createHost(database);
  const meetingType = await createMeetingType(database, host.id);
  return { hostUserId: host.id, meetingTypeId: meetingType.id };
}

/**
 * Awaits a statement that the database must refuse, and returns what it said.
 * ON DELETE RESTRICT answers 23001 (restrict_violation); an insert with no matching parent, 23503.
 */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the statement should have been refused').toBeDefined();
  return { code: sqlStateOf(error), constraint: constraintOf(error) };
}

async function bookingCount(column: typeof bookings.meetingTypeId | typeof bookings.hostUserId, id: string) {
  const rows = await database.select({ id: bookings.id }).from(bookings).where(eq(column, id));
  return rows.length;
}

const slot = { start: '2030-03-04T14:00:00Z', end: '2030-03-04T14:30:00Z' };
const laterSlot = { start: '2030-03-04T16:00:00Z', end: '2030-03-04T16:30:00Z' };
const lastSlot = { start: '2030-03-04T18:00:00Z', end: '2030-03-04T18:30:00Z' };

describe('bookings data integrity', () => {
  it('refuses a booking whose host differs from its meeting type’s host', async () => {
    const { meetingTypeId } = await hostWithMeetingType();
    const otherHost = await createHost(database);
    const refused = await refusal(insertBookingRow(database, { meetingTypeId, hostUserId: otherHost.id, ...slot }));
    expect(refused).toEqual({ code: '23503', constraint: 'bookings_meeting_type_host_fk' });
  });

  it('refuses to delete a meeting type that has bookings, and the bookings remain', async () => {
    const ids = await hostWithMeetingType();
    await insertBookingRow(database, { ...ids, ...slot });
    const refused = await refusal(database.delete(meetingTypes).where(eq(meetingTypes.id, ids.meetingTypeId)));
    expect(refused.code).toBe('23001');
    expect(await bookingCount(bookings.meetingTypeId, ids.meetingTypeId)).toBe(1);
  });

  it('refuses to delete a user who has bookings, and the bookings remain', async () => {
    const ids = await hostWithMeetingType();
    await insertBookingRow(database, { ...ids, ...slot });
    const refused = await refusal(database.delete(users).where(eq(users.id, ids.hostUserId)));
    expect(refused.code).toBe('23001');
    expect(await bookingCount(bookings.hostUserId, ids.hostUserId)).toBe(1);
  });

  it('refuses to delete a booking that another booking was rescheduled from', async () => {
    const ids = await hostWithMeetingType();
    const previous = await insertBookingRow(database, { ...ids, ...slot, status: 'rescheduled' });
    await insertBookingRow(database, { ...ids, ...laterSlot, rescheduledFromId: previous.id });
    const refused = await refusal(database.delete(bookings).where(eq(bookings.id, previous.id)));
    expect(refused).toEqual({ code: '23001', constraint: 'bookings_rescheduled_from_id_bookings_id_fk' });
  });

  it('refuses a second confirmed successor for the same booking', async () => {
    const ids = await hostWithMeetingType();
    const previous = await insertBookingRow(database, { ...ids, ...slot, status: 'rescheduled' });
    await insertBookingRow(database, { ...ids, ...laterSlot, rescheduledFromId: previous.id });
    const refused = await refusal(insertBookingRow(database, { ...ids, ...lastSlot, rescheduledFromId: previous.id }));
    expect(refused).toEqual({ code: '23505', constraint: 'idx_bookings_one_confirmed_successor' });
  });

  it('refuses a cancelled booking without cancelled_at', async () => {
    const ids = await hostWithMeetingType();
    const refused = await refusal(insertBookingRow(database, { ...ids, ...slot, status: 'cancelled', cancelledAt: null }));
    expect(refused).toEqual({ code: '23514', constraint: 'bookings_cancelled_at_matches_status' });
  });

  it('refuses cancelled_at on a confirmed booking', async () => {
    const ids = await hostWithMeetingType();
    const refused = await refusal(insertBookingRow(database, { ...ids, ...slot, cancelledAt: new Date(slot.start) }));
    expect(refused).toEqual({ code: '23514', constraint: 'bookings_cancelled_at_matches_status' });
  });

  it('accepts one idempotency key on two meeting types and refuses it twice on one', async () => {
    const ids = await hostWithMeetingType();
    const other = await createMeetingType(database, ids.hostUserId);
    const idempotencyKey = `key-${uniqueSuffix()}`;
    await insertBookingRow(database, { ...ids, ...slot, idempotencyKey });
    await insertBookingRow(database, { ...ids, meetingTypeId: other.id, ...laterSlot, idempotencyKey });
    const refused = await refusal(insertBookingRow(database, { ...ids, ...lastSlot, idempotencyKey }));
    expect(refused).toEqual({ code: '23505', constraint: 'idx_bookings_idempotency_key' });
  });

  it('indexes bookings by rescheduled_from_id and by host and creation time', async () => {
    const rows = await database.execute<{ indexname: string; indexdef: string }>(
      sql`select indexname, indexdef from pg_indexes where tablename = 'bookings'`,
    );
    const definitions = new Map(rows.map((row) => [row.indexname, row.indexdef]));
    expect(definitions.get('idx_bookings_rescheduled_from')).toMatch(/USING btree \(rescheduled_from_id\)$/);
    expect(definitions.get('idx_bookings_host_created')).toMatch(/USING btree \(host_user_id, created_at\)$/);
  });
});

describe('team meeting types (migration 0027)', () => {
  async function teamTypeWithMember() {
    const member = await createHost(database);
    const [team] = await database.execute<{ id: string }>(sql`insert into teams (name, slug) values ('Sales', ${`sales-${uniqueSuffix()}`}) returning id`);
    await database.execute(sql`insert into team_members (team_id, user_id, role) values (${team!.id}, ${member.id}, 'owner')`);
    const [type] = await database.execute<{ id: string }>(
      sql`insert into meeting_types (team_id, scheduling_type, name, slug) values (${team!.id}, 'round_robin', 'Demo', 'demo') returning id`,
    );
    return { teamId: team!.id, memberId: member.id, meetingTypeId: type!.id };
  }

  it('books a team type with a member as host, and refuses a host outside the team under the old name', async () => {
    const { memberId, meetingTypeId } = await teamTypeWithMember();
    await insertBookingRow(database, { meetingTypeId, hostUserId: memberId, ...slot });
    const outsider = await createHost(database);
    const refused = await refusal(insertBookingRow(database, { meetingTypeId, hostUserId: outsider.id, ...laterSlot }));
    expect(refused).toEqual({ code: '23503', constraint: 'bookings_meeting_type_host_fk' });
  });

  it('refuses a meeting type with both an owner and a team, or with neither, and never lets one change hands', async () => {
    const { teamId, memberId, meetingTypeId } = await teamTypeWithMember();
    const both = await refusal(database.execute(sql`insert into meeting_types (user_id, team_id, scheduling_type, name, slug) values (${memberId}, ${teamId}, 'collective', 'X', 'x-both')`));
    expect(both.constraint).toBe('meeting_types_owner_xor_team');
    const neither = await refusal(database.execute(sql`insert into meeting_types (name, slug) values ('X', 'x-neither')`));
    expect(neither.constraint).toBe('meeting_types_owner_xor_team');
    const moved = await refusal(database.execute(sql`update meeting_types set team_id = null, user_id = ${memberId}, scheduling_type = null where id = ${meetingTypeId}`));
    expect(moved.constraint).toBe('meeting_types_owner_fixed');
  });

  it('removing a member removes them from the team’s meeting types', async () => {
    const { teamId, memberId, meetingTypeId } = await teamTypeWithMember();
    await database.execute(sql`insert into meeting_type_hosts (meeting_type_id, team_id, user_id) values (${meetingTypeId}, ${teamId}, ${memberId})`);
    await database.execute(sql`delete from team_members where team_id = ${teamId} and user_id = ${memberId}`);
    const left = await database.execute<{ n: number }>(sql`select count(*)::int as n from meeting_type_hosts where meeting_type_id = ${meetingTypeId}`);
    expect(left[0]!.n).toBe(0);
  });
});
