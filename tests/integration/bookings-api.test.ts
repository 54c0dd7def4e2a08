import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, outbox } from '@/db/schema';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, fetchAvailability, lookupBooking, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

// Monday 2027-01-11 is in winter: 09:00 New York = 14:00Z.
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

describe('POST /api/v1/bookings', () => {
  it('books an offered slot and answers 201 with the booking and its management links', async () => {
    const { meetingType } = await createBookableHost(database);
    const request = inviteeFor(meetingType.id, MONDAY_10AM_NY);

    const reply = await book(request);

    expect(reply.status).toBe(201);
    expect(reply.body.booking).toMatchObject({
      status: 'confirmed',
      meetingTypeId: meetingType.id,
      start: MONDAY_10AM_NY,
      end: '2027-01-11T15:30:00.000Z',
      name: request.name,
      email: request.email,
      timezone: 'Europe/Berlin',
    });
    expect(reply.body.booking.cancelUrl).toMatch(/^http:\/\/rendezvous\.test\/bookings\/[0-9a-f-]{36}\/cancel\?token=/);
    expect(reply.body.booking.rescheduleUrl).toMatch(/\/reschedule\?token=/);
    expect(tokenOf(reply.body.booking.cancelUrl).length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
  });

  it('accepts a start written with an offset and stores the same instant', async () => {
    const { meetingType } = await createBookableHost(database);
    const reply = await book(inviteeFor(meetingType.id, '2027-01-11T10:00:00-05:00'));
    expect(reply.status).toBe(201);
    expect(reply.body.booking.start).toBe(MONDAY_10AM_NY);
  });

  it('stores only hashes of the management tokens, and writes a booking/confirmed outbox event in the same transaction', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const [row] = await database.select().from(bookings).where(eq(bookings.id, body.booking.id));
    const cancelToken = tokenOf(body.booking.cancelUrl);
    expect(row?.cancelTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(cancelToken);
    const events = await database.select().from(outbox).where(eq(outbox.eventName, 'booking/confirmed'));
    expect(events.some((e) => e.payload.bookingId === body.booking.id)).toBe(true);
  });

  it.each([
    ['outside the host’s hours', '2027-01-11T23:00:00.000Z', 'outside_hours'],
    ['on a Saturday', '2027-01-16T15:00:00.000Z', 'outside_hours'],
    ['off the 15-minute grid', '2027-01-11T15:07:00.000Z', 'off_grid'],
    ['in the past', '2020-01-06T15:00:00.000Z', 'too_soon'],
  ])('refuses a start %s with 409 slot_unavailable', async (_label, start, reason) => {
    const { meetingType } = await createBookableHost(database);
    const reply = await book(inviteeFor(meetingType.id, start));
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'slot_unavailable', details: { reason } });
    expect(reply.body.error?.message).toEqual(expect.any(String));
  });

  it('refuses a start inside the minimum notice and one beyond the booking window', async () => {
    const soon = await createBookableHost(database, { minNoticeMinutes: 60 * 24 * 365 * 3 });
    expect((await book(inviteeFor(soon.meetingType.id, MONDAY_10AM_NY))).body.error?.details).toEqual({ reason: 'too_soon' });
    const near = await createBookableHost(database, { maxDaysInFuture: 1 });
    expect((await book(inviteeFor(near.meetingType.id, MONDAY_10AM_NY))).body.error?.details).toEqual({ reason: 'too_far' });
  });

  it('refuses a booking once the daily limit of that meeting type is reached', async () => {
    const { meetingType } = await createBookableHost(database, { maxBookingsPerDay: 1 });
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
    const second = await book(inviteeFor(meetingType.id, '2027-01-11T18:00:00.000Z'));
    expect(second.status).toBe(409);
    expect(second.body.error?.details).toEqual({ reason: 'daily_limit' });
    expect((await book(inviteeFor(meetingType.id, '2027-01-12T18:00:00.000Z'))).status).toBe(201);
  });

  it('refuses a slot that overlaps an existing booking’s buffer', async () => {
    const { meetingType } = await createBookableHost(database, { bufferAfterMinutes: 15 });
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
    // 10:30 would start inside the first booking's 15-minute buffer.
    const reply = await book(inviteeFor(meetingType.id, '2027-01-11T15:30:00.000Z'));
    expect(reply.status).toBe(409);
    expect(reply.body.error?.code).toBe('slot_unavailable');
    expect((await book(inviteeFor(meetingType.id, '2027-01-11T15:45:00.000Z'))).status).toBe(201);
  });

  it('answers 404 for an unknown or inactive meeting type', async () => {
    const unknown = await book(inviteeFor('00000000-0000-4000-8000-000000000000', MONDAY_10AM_NY));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('not_found');
    const { meetingType } = await createBookableHost(database, { isActive: false });
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(404);
  });

  describe('bad input', () => {
    it('answers malformed JSON with 400 invalid_request', async () => {
      const reply = await book('{"meetingTypeId": ');
      expect(reply.status).toBe(400);
      expect(reply.body.error?.code).toBe('invalid_request');
    });

    it('answers missing and malformed fields with 400 and per-field details', async () => {
      const reply = await book({ meetingTypeId: 'nope', start: 'tomorrow', email: 'not-an-email', timezone: 'UTC' });
      expect(reply.status).toBe(400);
      const paths = (reply.body.error?.details as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['meetingTypeId', 'start', 'name', 'email']));
    });

    it('answers an unknown time zone with 400', async () => {
      const { meetingType } = await createBookableHost(database);
      const reply = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { timezone: 'Mars/Olympus_Mons' }));
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body.error?.details)).toContain('timezone');
    });

    it('answers a body over 64 KiB with 413 and stores nothing', async () => {
      const { meetingType } = await createBookableHost(database);
      const reply = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { notes: 'x'.repeat(70 * 1024) }));
      expect(reply.status).toBe(413);
      expect(reply.body.error?.code).toBe('payload_too_large');
      expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toEqual([]);
    });

    it('answers unknown fields and a bad Idempotency-Key with 400', async () => {
      const { meetingType } = await createBookableHost(database);
      expect((await book({ ...inviteeFor(meetingType.id, MONDAY_10AM_NY), admin: true })).status).toBe(400);
      expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY), { 'idempotency-key': 'has space' })).status).toBe(400);
    });
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated request with 200 and the same booking, never a second one', async () => {
    const { meetingType } = await createBookableHost(database);
    const request = inviteeFor(meetingType.id, MONDAY_10AM_NY);
    const key = `key-${crypto.randomUUID()}`;
    const first = await book(request, { 'idempotency-key': key });
    const again = await book(request, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.booking).toEqual(first.body.booking);
    expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toHaveLength(1);
  });

  it('answers the same key with a different body with 422 idempotency_key_reused', async () => {
    const { meetingType } = await createBookableHost(database);
    const key = `key-${crypto.randomUUID()}`;
    await book(inviteeFor(meetingType.id, MONDAY_10AM_NY), { 'idempotency-key': key });
    const reused = await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z'), { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.body.error?.code).toBe('idempotency_key_reused');
  });
});

describe('GET /api/v1/bookings/{id}', () => {
  it('shows the booking to the holder of either link, and answers 404 alike for a wrong token, no token and an unknown id', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const { id, cancelUrl, rescheduleUrl } = body.booking;

    expect((await lookupBooking(id, tokenOf(cancelUrl))).body.booking.id).toBe(id);
    expect((await lookupBooking(id, tokenOf(rescheduleUrl))).status).toBe(200);

    const wrong = await lookupBooking(id, 'not-the-token');
    const missing = await lookupBooking(id, null);
    const unknown = await lookupBooking('00000000-0000-4000-8000-000000000000', tokenOf(cancelUrl));
    const garbage = await lookupBooking('not-a-uuid', tokenOf(cancelUrl));
    for (const reply of [wrong, missing, unknown, garbage]) {
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual(unknown.body);
    }
  });
});

describe('cancel', () => {
  it('cancels with the cancel token, frees the time, answers the same when repeated, and records booking/cancelled', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const token = tokenOf(body.booking.cancelUrl);

    const first = await cancel(body.booking.id, { token, reason: 'Conflict came up' });
    expect(first.status).toBe(200);
    expect(first.body.booking.status).toBe('cancelled');
    const again = await cancel(body.booking.id, { token });
    expect(again.status).toBe(200);
    expect(again.body.booking.status).toBe('cancelled');

    const events = await database
      .select()
      .from(outbox)
      .where(and(eq(outbox.eventName, 'booking/cancelled')));
    expect(events.filter((e) => e.payload.bookingId === body.booking.id)).toHaveLength(1);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
  });

  it('refuses the reschedule token and a wrong token with 404', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect((await cancel(body.booking.id, { token: tokenOf(body.booking.rescheduleUrl) })).status).toBe(404);
    expect((await cancel(body.booking.id, { token: 'x' })).status).toBe(404);
    expect((await cancel(body.booking.id, {})).status).toBe(400);
  });
});

describe('reschedule', () => {
  it('moves the booking in one step: 201 with the new booking, the old one rescheduled and its time free', async () => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const move = { token: tokenOf(body.booking.rescheduleUrl), start: '2027-01-12T15:00:00.000Z' };
    const moved = await reschedule(body.booking.id, move, { 'idempotency-key': 'move-1' });

    expect(moved.status).toBe(201);
    expect(moved.body.booking).toMatchObject({ status: 'confirmed', start: '2027-01-12T15:00:00.000Z', email: body.booking.email });
    expect(moved.body.booking.id).not.toBe(body.booking.id);
    const rows = await database.select().from(bookings).where(inArray(bookings.id, [body.booking.id, moved.body.booking.id]));
    const old = rows.find((r) => r.id === body.booking.id);
    expect(old?.status).toBe('rescheduled');
    expect(rows.find((r) => r.id === moved.body.booking.id)?.rescheduledFromId).toBe(body.booking.id);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY))).status).toBe(201);
    // A retry of the same move (its reply lost, same Idempotency-Key) gets the same new booking; the
    // same move without the key learns nothing about the new booking; any other move is refused.
    const retried = await reschedule(body.booking.id, move, { 'idempotency-key': 'move-1' });
    expect(retried.status).toBe(200);
    expect(retried.body.booking).toEqual(moved.body.booking);
    const guessed = await reschedule(body.booking.id, move);
    expect(guessed.status).toBe(409);
    expect(JSON.stringify(guessed.body)).not.toContain(moved.body.booking.id);
    const stale = await reschedule(body.booking.id, { token: tokenOf(body.booking.rescheduleUrl), start: '2027-01-13T15:00:00.000Z' });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('booking_not_active');
  });

  it('can move a booking by less than its own length (its old time is freed inside the transaction)', async () => {
    const { meetingType } = await createBookableHost(database, { durationMinutes: 60 });
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const moved = await reschedule(body.booking.id, { token: tokenOf(body.booking.rescheduleUrl), start: '2027-01-11T15:30:00.000Z' });
    expect(moved.status).toBe(201);
  });

  it('leaves the original booking untouched when the new time is taken', async () => {
    const { meetingType } = await createBookableHost(database);
    const mine = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z'));
    const reply = await reschedule(mine.body.booking.id, { token: tokenOf(mine.body.booking.rescheduleUrl), start: '2027-01-11T16:00:00.000Z' });
    expect(reply.status).toBe(409);
    expect(reply.body.error?.code).toBe('slot_unavailable');
    const [row] = await database.select().from(bookings).where(eq(bookings.id, mine.body.booking.id));
    expect(row?.status).toBe('confirmed');
  });
});

describe('availability follows bookings', () => {
  it('drops a booked slot from availability at once, and offers it again after cancelling', async () => {
    const { meetingType } = await createBookableHost(database);
    const query = { meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11', timezone: 'America/New_York' };
    const starts = async () => (await fetchAvailability(query)).body.slots.map((s) => s.start);
    expect(await starts()).toContain(MONDAY_10AM_NY);
    expect(await starts()).toContain(MONDAY_10AM_NY); // now served from the cache

    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect(await starts()).not.toContain(MONDAY_10AM_NY);
    await cancel(body.booking.id, { token: tokenOf(body.booking.cancelUrl) });
    expect(await starts()).toContain(MONDAY_10AM_NY);
  });
});
