import { beforeEach, describe, expect, it } from 'vitest';
import { forgetRepliesForTests, replyCacheUsage } from '@/lib/availability/reply-cache';
import { createBookableHost, inviteeFor } from '../factories';
import { book, fetchAvailability, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// GET /api/v1/availability?rescheduleToken=…: the booking being moved counts as free, replies are
// private, and a token that opens nothing answers exactly as no token does.

const database = connectTestDatabase();
beforeEach(() => forgetRepliesForTests());

const DAY = '2027-01-11'; // a Monday; the host works 09:00–17:00 New York (14:00–22:00Z)
const query = (meetingTypeId: string, extra: Record<string, string> = {}) => ({
  meetingTypeId,
  start: DAY,
  end: DAY,
  timezone: 'America/New_York',
  ...extra,
});
const starts = (reply: { body: { slots?: { start: string }[] } }) => (reply.body.slots ?? []).map((slot) => slot.start);

/** A 60-minute meeting every 30 minutes, booked 10:00–11:00 New York. */
async function bookedHour() {
  const { meetingType } = await createBookableHost(database, { durationMinutes: 60, slotIntervalMinutes: 30 });
  const created = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00Z'));
  expect(created.status).toBe(201);
  return { meetingType, booking: created.body.booking };
}

describe('availability for a reschedule link', () => {
  it('offers the times that overlap the booking being moved, privately, and the move to 30 minutes later succeeds', async () => {
    const { meetingType, booking } = await bookedHour();
    const token = tokenOf(booking.rescheduleUrl);

    const publicReply = await fetchAvailability(query(meetingType.id));
    expect(publicReply.headers.get('cache-control')).toMatch(/^public, /);
    expect(starts(publicReply)).not.toContain('2027-01-11T15:30:00.000Z');
    expect(starts(publicReply)).not.toContain('2027-01-11T14:30:00.000Z');

    const moving = await fetchAvailability(query(meetingType.id, { rescheduleToken: token }));
    expect(moving.status).toBe(200);
    expect(moving.headers.get('cache-control')).toBe('private, no-store');
    expect(starts(moving)).toEqual(expect.arrayContaining(['2027-01-11T14:30:00.000Z', '2027-01-11T15:00:00.000Z', '2027-01-11T15:30:00.000Z']));
    // Everything else is the same as the public reply.
    expect(starts(moving).filter((start) => !['2027-01-11T14:30:00.000Z', '2027-01-11T15:00:00.000Z', '2027-01-11T15:30:00.000Z'].includes(start))).toEqual(
      starts(publicReply),
    );

    const moved = await reschedule(booking.id, { token, start: '2027-01-11T15:30:00Z' });
    expect(moved.status).toBe(201);
    expect(moved.body.booking).toMatchObject({ start: '2027-01-11T15:30:00.000Z', end: '2027-01-11T16:30:00.000Z' });
  });

  it('answers an invalid, foreign or spent token exactly as no token, but still privately', async () => {
    const { meetingType, booking } = await bookedHour();
    const other = await bookedHour();
    const plain = await fetchAvailability(query(meetingType.id));
    const tokens = [
      'not-a-token',
      '',
      'x'.repeat(5000),
      tokenOf(booking.cancelUrl), // the cancel link's token is not a reschedule token
      tokenOf(other.booking.rescheduleUrl), // another meeting type's booking
    ];
    for (const rescheduleToken of tokens) {
      const reply = await fetchAvailability(query(meetingType.id, { rescheduleToken }));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(plain.body);
      expect(reply.headers.get('etag')).toBe(plain.headers.get('etag'));
      expect(reply.headers.get('cache-control')).toBe('private, no-store');
    }

    // Once moved, the old booking is no longer confirmed: its token frees nothing.
    const token = tokenOf(booking.rescheduleUrl);
    expect((await reschedule(booking.id, { token, start: '2027-01-11T18:00:00Z' })).status).toBe(201);
    const afterMove = await fetchAvailability(query(meetingType.id));
    expect((await fetchAvailability(query(meetingType.id, { rescheduleToken: token }))).body).toEqual(afterMove.body);
  });

  it('refuses bad input with a token exactly as without one', async () => {
    const { meetingType, booking } = await bookedHour();
    const rescheduleToken = tokenOf(booking.rescheduleUrl);
    const badInputs: Record<string, string>[] = [{ start: 'tomorrow' }, { end: '2027-06-01' }, { start: '2020-01-01', end: '2020-01-02' }, { meetingTypeId: 'nope' }];
    for (const bad of badInputs) {
      const plain = await fetchAvailability(query(meetingType.id, bad));
      const withToken = await fetchAvailability(query(meetingType.id, { ...bad, rescheduleToken }));
      expect(plain.status).toBe(400);
      expect(withToken.status).toBe(400);
      expect(withToken.body).toEqual(plain.body);
    }
  });

  it('neither reads nor fills the reply cache with a booking’s own times', async () => {
    const { meetingType, booking } = await bookedHour();
    const rescheduleToken = tokenOf(booking.rescheduleUrl);
    const publicReply = await fetchAvailability(query(meetingType.id)); // now cached under the plain query
    const bytes = replyCacheUsage().bytes;

    const moving = await fetchAvailability(query(meetingType.id, { rescheduleToken }));
    expect(starts(moving)).toContain('2027-01-11T15:30:00.000Z');
    expect(replyCacheUsage().bytes).toBe(bytes);

    // A later public request still sees the booking as taken (no private answer leaked into a cache).
    forgetRepliesForTests();
    const again = await fetchAvailability(query(meetingType.id));
    expect(again.body).toEqual(publicReply.body);
    expect(starts(again)).not.toContain('2027-01-11T15:30:00.000Z');
  });
});
