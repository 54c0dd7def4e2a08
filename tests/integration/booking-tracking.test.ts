import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { findHostBooking } from '@/lib/hosts/bookings/detail';
import { createBookableHost, inviteeFor } from '../factories';
import { book, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// utm_* parameters ride along with a booking (the embed passes them through) into bookings.tracking.

const database = connectTestDatabase();
const storedTracking = async (id: string) => (await database.select({ tracking: bookings.tracking }).from(bookings).where(eq(bookings.id, id)))[0]?.tracking;

describe('booking tracking parameters', () => {
  it('stores the five utm_* values on the booking, shows them to the host and keeps them through a reschedule', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const tracking = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'winter launch', utm_term: 'calendly alternative', utm_content: 'hero' };
    const created = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00Z', { tracking }));
    expect(created.status).toBe(201);
    expect(await storedTracking(created.body.booking.id)).toEqual(tracking);
    expect((await findHostBooking(database, host.id, created.body.booking.id))?.tracking).toEqual(tracking);

    const token = tokenOf(created.body.booking.rescheduleUrl);
    const moved = await reschedule(created.body.booking.id, { token, start: '2027-01-11T16:00:00Z' });
    expect(moved.status).toBe(201);
    expect(await storedTracking(moved.body.booking.id)).toEqual(tracking);
  });

  it('stores nothing for no or empty values', async () => {
    const { meetingType } = await createBookableHost(database);
    const plain = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00Z'));
    const empty = await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00Z', { tracking: { utm_source: '' } }));
    expect(await storedTracking(plain.body.booking.id)).toBeNull();
    expect(await storedTracking(empty.body.booking.id)).toBeNull();
  });

  it.each([
    ['an unknown key', { utm_source: 'x', ref: 'y' }],
    ['a value over 200 characters', { utm_source: 'x'.repeat(201) }],
    ['a control character', { utm_campaign: 'a\u0000b' }],
    ['a bidi override', { utm_campaign: 'a\u202eb' }],
    ['a number', { utm_source: 5 }],
    ['not an object', 'utm_source=x'],
  ])('refuses %s with 400 and books nothing', async (_label, tracking) => {
    const { meetingType } = await createBookableHost(database);
    const reply = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00Z', { tracking }));
    expect(reply.status).toBe(400);
    expect(reply.body.error?.code).toBe('invalid_request');
    expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toEqual([]);
  });

  it('treats the same key with other tracking as another request', async () => {
    const { meetingType } = await createBookableHost(database);
    const invitee = inviteeFor(meetingType.id, '2027-01-11T15:00:00Z', { tracking: { utm_source: 'a' } });
    const headers = { 'idempotency-key': `track-${crypto.randomUUID()}` };
    expect((await book(invitee, headers)).status).toBe(201);
    expect((await book(invitee, headers)).status).toBe(200);
    expect((await book({ ...invitee, tracking: { utm_source: 'b' } }, headers)).status).toBe(422);
  });
});
