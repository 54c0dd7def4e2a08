import { addDays } from '@/lib/scheduling';
import { describe, expect, it } from 'vitest';
import { calendarConnections, externalBusy } from '@/db/schema';
import { createBookableHost, createOverride, inviteeFor } from '../factories';
import { book, fetchAvailability } from './api';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

const nyQuery = (meetingTypeId: string, start: string, end = start, timezone = 'America/New_York') => ({
  meetingTypeId,
  start,
  end,
  timezone,
});

describe('GET /api/v1/availability', () => {
  it('returns ascending ISO-8601 UTC slots inside the host’s hours, shifted by daylight saving', async () => {
    const { meetingType } = await createBookableHost(database);
    const winter = await fetchAvailability(nyQuery(meetingType.id, '2027-01-11'));
    expect(winter.status).toBe(200);
    expect(winter.body).toMatchObject({ meetingTypeId: meetingType.id, timezone: 'America/New_York' });
    expect(winter.body.slots[0]).toEqual({ start: '2027-01-11T14:00:00.000Z', end: '2027-01-11T14:30:00.000Z' });
    expect(winter.body.slots.at(-1)).toEqual({ start: '2027-01-11T21:30:00.000Z', end: '2027-01-11T22:00:00.000Z' });
    expect(winter.body.slots).toHaveLength(31); // 09:00–16:30 every 15 minutes

    const summer = await fetchAvailability(nyQuery(meetingType.id, '2027-03-15'));
    expect(summer.body.slots[0]?.start).toBe('2027-03-15T13:00:00.000Z');
    const starts = summer.body.slots.map((s) => s.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('selects slots by the invitee’s calendar days, not the host’s', async () => {
    const { meetingType } = await createBookableHost(database);
    // Tuesday 2027-01-12 in Tokyo (UTC+9) runs from Monday 15:00Z to Tuesday 15:00Z: it holds Monday's
    // New York afternoon (10:00–16:30 local) and the first hour of Tuesday's (09:00–09:45 local).
    const tokyo = await fetchAvailability(nyQuery(meetingType.id, '2027-01-12', '2027-01-12', 'Asia/Tokyo'));
    const starts = tokyo.body.slots.map((s) => s.start);
    expect(starts[0]).toBe('2027-01-11T15:00:00.000Z');
    expect(starts).toContain('2027-01-11T21:30:00.000Z');
    expect(starts).not.toContain('2027-01-11T14:45:00.000Z');
    expect(starts.filter((s) => s.startsWith('2027-01-12'))).toEqual([
      '2027-01-12T14:00:00.000Z',
      '2027-01-12T14:15:00.000Z',
      '2027-01-12T14:30:00.000Z',
      '2027-01-12T14:45:00.000Z',
    ]);
  });

  it('leaves out slots that overlap external calendar events and date overrides that close a day', async () => {
    const { host, meetingType } = await createBookableHost(database);
    const [connection] = await database
      .insert(calendarConnections)
      .values({ userId: host.id, provider: 'ics', accountEmail: `${host.username}@example.test` })
      .returning();
    await database.insert(externalBusy).values({
      connectionId: connection!.id,
      userId: host.id,
      startTime: new Date('2027-01-11T15:10:00Z'),
      endTime: new Date('2027-01-11T15:20:00Z'),
      sourceEventId: 'evt-1',
    });
    await createOverride(database, host.id, '2027-01-12', null);

    const reply = await fetchAvailability(nyQuery(meetingType.id, '2027-01-11', '2027-01-12'));
    const starts = reply.body.slots.map((s) => s.start);
    expect(starts).not.toContain('2027-01-11T15:00:00.000Z'); // 10:00–10:30 overlaps 10:10–10:20
    expect(starts).not.toContain('2027-01-11T14:45:00.000Z');
    expect(starts).toContain('2027-01-11T15:30:00.000Z');
    expect(starts.some((s) => s.startsWith('2027-01-12'))).toBe(false);
  });

  it('never offers slots in the past: a range wholly before yesterday is refused, today is cut at now', async () => {
    const { meetingType } = await createBookableHost(database, { slotIntervalMinutes: 15 });
    const reply = await fetchAvailability(nyQuery(meetingType.id, '2020-01-06', '2020-01-10'));
    expect(reply.status).toBe(400);
    expect(reply.body.error?.details).toMatchObject({ reason: 'range_out_of_bounds' });
    const today = new Date().toISOString().slice(0, 10);
    const now = Date.now();
    const around = await fetchAvailability(nyQuery(meetingType.id, addDays(today, -3), addDays(today, 3), 'UTC'));
    expect(around.status).toBe(200);
    expect(around.body.slots.every((slot) => Date.parse(slot.start) >= now)).toBe(true);
  });

  it('offers exactly what booking accepts: every offered slot of a day can be booked', async () => {
    const { meetingType } = await createBookableHost(database, { durationMinutes: 60, bufferBeforeMinutes: 15, slotIntervalMinutes: 30 });
    const offered = (await fetchAvailability(nyQuery(meetingType.id, '2027-01-13'))).body.slots;
    expect(offered.length).toBeGreaterThan(0);
    const first = offered[0]!;
    expect(first.start).toBe('2027-01-13T14:30:00.000Z'); // 09:00 + 15-minute buffer → first grid point 09:30
    expect((await book(inviteeFor(meetingType.id, first.start))).status).toBe(201);
    // Book the earliest offered slot again and again: each time, what is offered is accepted.
    const booked = [first.start];
    for (let i = 0; i < 4; i++) {
      const offeredNow = (await fetchAvailability(nyQuery(meetingType.id, '2027-01-13'))).body.slots.map((s) => s.start);
      expect(offeredNow).not.toContain(booked.at(-1));
      const next = offeredNow[0]!;
      expect((await book(inviteeFor(meetingType.id, next))).status).toBe(201);
      booked.push(next);
    }
    // 60 min + 15 min buffer before, on a 30-minute grid: each next start is 1 h 30 min later.
    expect(booked.map((s) => s.slice(11, 16))).toEqual(['14:30', '16:00', '17:30', '19:00', '20:30']);
  });

  describe('bad input', () => {
    it.each([
      ['a missing meeting type id', { start: '2027-01-11', end: '2027-01-11', timezone: 'UTC' }],
      ['a malformed meeting type id', { meetingTypeId: '42', start: '2027-01-11', end: '2027-01-11', timezone: 'UTC' }],
      ['an unknown time zone', { meetingTypeId: crypto.randomUUID(), start: '2027-01-11', end: '2027-01-11', timezone: 'Moon/Tranquility' }],
      ['a malformed date', { meetingTypeId: crypto.randomUUID(), start: '2027-02-30', end: '2027-03-01', timezone: 'UTC' }],
      ['an end before the start', { meetingTypeId: crypto.randomUUID(), start: '2027-01-11', end: '2027-01-10', timezone: 'UTC' }],
      ['a range over 62 days', { meetingTypeId: crypto.randomUUID(), start: '2027-01-01', end: '2027-03-04', timezone: 'UTC' }],
    ])('answers %s with 400 invalid_request and details', async (_label, query) => {
      const reply = await fetchAvailability(query as Record<string, string>);
      expect(reply.status).toBe(400);
      expect(reply.body.error?.code).toBe('invalid_request');
      expect(reply.body.error?.details).toBeDefined();
    });

    it('accepts exactly 62 days', async () => {
      const { meetingType } = await createBookableHost(database);
      const reply = await fetchAvailability(nyQuery(meetingType.id, '2027-01-01', '2027-03-03', 'UTC'));
      expect(reply.status).toBe(200);
      expect(reply.body.slots.length).toBeGreaterThan(0);
    });

    it('answers an unknown or inactive meeting type with 404', async () => {
      expect((await fetchAvailability(nyQuery(crypto.randomUUID(), '2027-01-11'))).status).toBe(404);
      const { meetingType } = await createBookableHost(database, { isActive: false });
      const reply = await fetchAvailability(nyQuery(meetingType.id, '2027-01-11'));
      expect(reply.status).toBe(404);
      expect(reply.body.error?.code).toBe('not_found');
    });
  });
});
