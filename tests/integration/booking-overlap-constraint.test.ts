import { describe, expect, it } from 'vitest';
import { createHost, createMeetingType, insertBookingRow } from '../factories';
import { sqlStateOf as sqlState } from '@/lib/errors';
import { connectTestDatabase } from './db-helpers';

const database = connectTestDatabase();

async function hostWithMeetingType() {
  const host = await createHost(database);
  const meetingType = await createMeetingType(database, host.id);
  return { hostUserId: host.id, meetingTypeId: meetingType.id };
}

async function expectExclusionViolation(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the insert should have been refused').toBeDefined();
  expect(sqlState(error)).toBe('23P01');
}

describe('bookings_no_overlap (EXCLUDE constraint)', () => {
  it('rejects a second confirmed booking that overlaps the first by one minute, with a different start time', async () => {
    const ids = await hostWithMeetingType();
    await insertBookingRow(database, { ...ids, start: '2030-01-07T14:00:00Z', end: '2030-01-07T15:00:00Z' });
    await expectExclusionViolation(
      insertBookingRow(database, { ...ids, start: '2030-01-07T14:59:00Z', end: '2030-01-07T15:29:00Z' }),
    );
  });

  it('rejects a booking that lands inside another booking’s buffer', async () => {
    const ids = await hostWithMeetingType();
    await insertBookingRow(database, {
      ...ids,
      start: '2030-01-07T14:00:00Z',
      end: '2030-01-07T15:00:00Z',
      bufferAfterMinutes: 10,
    });
    await expectExclusionViolation(
      insertBookingRow(database, { ...ids, start: '2030-01-07T15:05:00Z', end: '2030-01-07T15:35:00Z' }),
    );
  });

  it('accepts back-to-back bookings (ranges are half-open)', async () => {
    const ids = await hostWithMeetingType();
    await insertBookingRow(database, { ...ids, start: '2030-01-07T14:00:00Z', end: '2030-01-07T14:30:00Z' });
    const second = await insertBookingRow(database, { ...ids, start: '2030-01-07T14:30:00Z', end: '2030-01-07T15:00:00Z' });
    expect(second.status).toBe('confirmed');
  });

  it('ignores cancelled bookings and other hosts', async () => {
    const ids = await hostWithMeetingType();
    const other = await hostWithMeetingType();
    await insertBookingRow(database, { ...ids, start: '2030-01-07T14:00:00Z', end: '2030-01-07T15:00:00Z', status: 'cancelled' });
    await insertBookingRow(database, { ...other, start: '2030-01-07T14:00:00Z', end: '2030-01-07T15:00:00Z' });
    const booked = await insertBookingRow(database, { ...ids, start: '2030-01-07T14:15:00Z', end: '2030-01-07T14:45:00Z' });
    expect(booked.blockedRange).toBe('["2030-01-07 14:15:00+00","2030-01-07 14:45:00+00")');
  });
});
