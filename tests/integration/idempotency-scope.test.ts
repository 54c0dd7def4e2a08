import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { createBookableHost, createMeetingType, inviteeFor } from '../factories';
import { book, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// Idempotency keys as payment APIs keep them: one meeting type's, for 24 hours.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

describe('Idempotency-Key scope and lifetime', () => {
  it('is scoped to the meeting type: the same key books two different meeting types', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const other = await createMeetingType(database, host.id, { maxDaysInFuture: 730 });
    const key = { 'idempotency-key': `shared-${crypto.randomUUID()}` };
    const first = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY), key);
    const second = await book(inviteeFor(other.id, '2027-01-12T15:00:00.000Z'), key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.booking.id).not.toBe(first.body.booking.id);
  });

  it('is forgotten after 24 hours: the same key then makes a new booking', async () => {
    const { meetingType } = await createBookableHost(database);
    const key = { 'idempotency-key': `daily-${crypto.randomUUID()}` };
    const invitee = inviteeFor(meetingType.id, MONDAY_10AM_NY);
    const first = await book(invitee, key);
    expect(first.status).toBe(201);
    expect((await book(invitee, key)).body.booking.id).toBe(first.body.booking.id);
    await database.execute(sql`update bookings set created_at = now() - interval '25 hours' where id = ${first.body.booking.id}`);
    const later = await book(inviteeFor(meetingType.id, '2027-01-12T15:00:00.000Z'), key);
    expect(later.status).toBe(201);
    expect(later.body.booking.id).not.toBe(first.body.booking.id);
    const [old] = await database.select().from(bookings).where(eq(bookings.id, first.body.booking.id));
    expect(old?.idempotencyKey).toBeNull(); // released, so the unique index accepts the new request
  });
});

describe('Idempotency-Key on reschedule', () => {
  it('refuses a key already used for another request on the meeting type with 422, never a 500', async () => {
    const { meetingType } = await createBookableHost(database);
    const key = { 'idempotency-key': `reused-${crypto.randomUUID()}` };
    const first = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY), key);
    const second = await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z'));
    const moved = await reschedule(second.body.booking.id, { token: tokenOf(second.body.booking.rescheduleUrl), start: '2027-01-12T15:00:00.000Z' }, key);
    expect(moved.status).toBe(422);
    expect(moved.body.error?.code).toBe('idempotency_key_reused');
    expect(first.status).toBe(201);
  });

  it('refuses the key of an earlier move when moving the new booking again', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const key = { 'idempotency-key': `move-${crypto.randomUUID()}` };
    const once = await reschedule(body.booking.id, { token: tokenOf(body.booking.rescheduleUrl), start: '2027-01-12T15:00:00.000Z' }, key);
    expect(once.status).toBe(201);
    const twice = await reschedule(once.body.booking.id, { token: tokenOf(once.body.booking.rescheduleUrl), start: '2027-01-13T15:00:00.000Z' }, key);
    expect(twice.status).toBe(422);
  });
});
