import { describe, expect, it } from 'vitest';
import { createHost, createMeetingType, insertBookingRow } from '../factories';
import { sqlStateOf } from '@/lib/errors';
import { connectTestDatabase } from './db-helpers';

// bookings_no_overlap after migration 0023: seats of one occasion (same meeting type, same start) may
// share their time; nothing else may overlap them, and they may overlap nothing else.

const database = connectTestDatabase();

async function hostWithTypes() {
  const host = await createHost(database);
  const group = await createMeetingType(database, host.id, { durationMinutes: 60, seatsPerSlot: 5 });
  const other = await createMeetingType(database, host.id, { durationMinutes: 60 });
  return { hostUserId: host.id, group: group.id, other: other.id };
}

async function refusedWith23P01(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the insert should have been refused').toBeDefined();
  expect(sqlStateOf(error)).toBe('23P01');
}

const at = { start: '2030-01-07T14:00:00Z', end: '2030-01-07T15:00:00Z' };

describe('bookings_no_overlap with seats', () => {
  it('lets seats of the same occasion overlap, and derives one seat key for them', async () => {
    const ids = await hostWithTypes();
    const first = await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...at, seated: true });
    const second = await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...at, seated: true, bufferAfterMinutes: 10 });
    expect(first.seatKey).toBe(`${ids.group}@${Date.parse(at.start)}`);
    expect(second.seatKey).toBe(first.seatKey);
  });

  it('refuses another meeting type over a seated occasion', async () => {
    const ids = await hostWithTypes();
    await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...at, seated: true });
    await refusedWith23P01(insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.other, start: '2030-01-07T14:30:00Z', end: '2030-01-07T15:30:00Z' }));
  });

  it('refuses a seated occasion that starts over another booking', async () => {
    const ids = await hostWithTypes();
    await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.other, ...at });
    await refusedWith23P01(insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...at, seated: true }));
  });

  it('refuses two occasions of the same group type at overlapping starts', async () => {
    const ids = await hostWithTypes();
    await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...at, seated: true });
    await refusedWith23P01(
      insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, start: '2030-01-07T14:30:00Z', end: '2030-01-07T15:30:00Z', seated: true }),
    );
  });

  it('refuses an unseated booking of the group type at the same start (it is not a seat)', async () => {
    const ids = await hostWithTypes();
    await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...at, seated: true });
    await refusedWith23P01(insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...at }));
  });

  it('still refuses two ordinary bookings at the same time, and ignores cancelled seats', async () => {
    const ids = await hostWithTypes();
    await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.other, ...at });
    await refusedWith23P01(insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.other, ...at }));
    const later = { start: '2030-01-08T14:00:00Z', end: '2030-01-08T15:00:00Z' };
    await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.group, ...later, seated: true, status: 'cancelled' });
    const booked = await insertBookingRow(database, { hostUserId: ids.hostUserId, meetingTypeId: ids.other, ...later });
    expect(booked.status).toBe('confirmed');
  });

  it('refuses a seat count outside 2..1000 on the meeting type', async () => {
    const host = await createHost(database);
    for (const seatsPerSlot of [1, 1001]) {
      const error = await createMeetingType(database, host.id, { seatsPerSlot }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(sqlStateOf(error)).toBe('23514');
    }
  });
});
