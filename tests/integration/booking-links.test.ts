import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { resetEnvForTests } from '@/lib/env';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, lookupBooking, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const originalSecret = process.env.AUTH_SECRET;

function useSecrets(current: string, previous: string[] = []) {
  process.env.AUTH_SECRET = current;
  process.env.AUTH_SECRET_PREVIOUS = previous.join(',');
  resetEnvForTests();
}

afterEach(() => {
  process.env.AUTH_SECRET = originalSecret;
  delete process.env.AUTH_SECRET_PREVIOUS;
  resetEnvForTests();
});

describe('what a link reveals', () => {
  it('a cancel link shows the booking with its cancel link only, and a reschedule link with its own only', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const viaCancel = await lookupBooking(body.booking.id, tokenOf(body.booking.cancelUrl));
    expect(viaCancel.status).toBe(200);
    expect(viaCancel.body.booking.cancelUrl).toBe(body.booking.cancelUrl);
    expect(viaCancel.body.booking.rescheduleUrl).toBeUndefined();
    const viaReschedule = await lookupBooking(body.booking.id, tokenOf(body.booking.rescheduleUrl));
    expect(viaReschedule.body.booking.rescheduleUrl).toBe(body.booking.rescheduleUrl);
    expect(viaReschedule.body.booking.cancelUrl).toBeUndefined();
  });

  it('cancelling with the cancel link does not reveal the reschedule link', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const cancelled = await cancel(body.booking.id, { token: tokenOf(body.booking.cancelUrl) });
    expect(cancelled.status).toBe(200);
    expect(JSON.stringify(cancelled.body)).not.toContain(tokenOf(body.booking.rescheduleUrl));
  });

  it('rescheduling with the reschedule link answers with the new booking\'s reschedule link only, not its cancel link', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const moved = await reschedule(body.booking.id, { token: tokenOf(body.booking.rescheduleUrl), start: '2027-01-12T15:00:00.000Z' });
    expect(moved.status).toBe(201);
    expect(moved.body.booking.id).not.toBe(body.booking.id);
    expect(moved.body.booking.rescheduleUrl).toMatch(new RegExp(`/bookings/${moved.body.booking.id}/reschedule\\?token=`));
    expect(moved.body.booking.cancelUrl).toBeUndefined();
    expect(JSON.stringify(moved.body)).not.toContain('/cancel?token=');
  });
});

describe('a meeting that has started', () => {
  async function startedBooking() {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    // Move it to have begun ten minutes ago (straight in the table: the API would refuse such a time).
    await database.execute(sql`update bookings set start_time = now() - interval '10 minutes', end_time = now() + interval '20 minutes' where id = ${body.booking.id}`);
    return body.booking;
  }

  it('cannot be cancelled by the invitee: 409 booking_started, and it stays confirmed', async () => {
    const booking = await startedBooking();
    const reply = await cancel(booking.id, { token: tokenOf(booking.cancelUrl) });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'change_not_allowed', details: { reason: 'booking_started' } });
    const [row] = await database.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row?.status).toBe('confirmed');
  });

  it('cannot be rescheduled: 409 booking_started', async () => {
    const booking = await startedBooking();
    const reply = await reschedule(booking.id, { token: tokenOf(booking.rescheduleUrl), start: '2027-01-12T15:00:00.000Z' });
    expect(reply.status).toBe(409);
    expect(reply.body.error?.details).toMatchObject({ reason: 'booking_started' });
  });
});

describe('rotating AUTH_SECRET', () => {
  it('keeps links already sent working and derives the very same links again, newest secret first', async () => {
    const oldSecret = randomBytes(32).toString('hex');
    const newSecret = randomBytes(32).toString('hex');
    useSecrets(oldSecret);
    const { meetingType } = await createBookableHost(database);
    const { body: before } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));

    useSecrets(newSecret, [oldSecret]);
    const looked = await lookupBooking(before.booking.id, tokenOf(before.booking.rescheduleUrl));
    expect(looked.status).toBe(200);
    expect(looked.body.booking.rescheduleUrl).toBe(before.booking.rescheduleUrl);
    const { body: after } = await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z'));
    expect(tokenOf(after.booking.cancelUrl)).not.toBe(tokenOf(before.booking.cancelUrl));

    // The old secret dropped: the stored hash still accepts the old link, but no link can be derived for it.
    useSecrets(newSecret);
    const later = await lookupBooking(before.booking.id, tokenOf(before.booking.cancelUrl));
    expect(later.status).toBe(200);
    expect(later.body.booking.cancelUrl).toBeUndefined();
    expect((await cancel(before.booking.id, { token: tokenOf(before.booking.cancelUrl) })).status).toBe(200);
  });
});
