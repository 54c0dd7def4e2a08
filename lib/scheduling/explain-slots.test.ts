import { describe, expect, it } from 'vitest';
import { explainSlots } from './explain-slots';
import { computeOfferedSlots } from './seats';
import { at, iso, meetingPolicy, schedule } from './test-fixtures';
import type { BookedRange, Interval, WeeklyRule } from './types';

const monday = (startTime: string, endTime: string): WeeklyRule[] => [{ dayOfWeek: 1, startTime, endTime }];
const MONDAY = '2026-03-09';

/** Each candidate as "HH:MM reason[,reason]" (UTC), with labels for the items the caller passed in. */
function described(result: ReturnType<typeof explainSlots<Interval & { label: string }, BookedRange & { label: string }>>, from = '00:00', to = '24:00'): string[] {
  return result.starts
    .map((candidate) => {
      const reasons = candidate.obstacles.map((obstacle) => ('busy' in obstacle ? `busy:${obstacle.busy.label}` : 'booking' in obstacle ? `${obstacle.kind}:${obstacle.booking.label}` : obstacle.kind));
      return `${iso(candidate.start).slice(11, 16)} ${reasons.join(',') || 'offered'}`;
    })
    .filter((line) => line.slice(0, 5) >= from && line.slice(0, 5) < to);
}

const booking = (start: string, end: string, label: string, buffers = 0): BookedRange & { label: string } => ({
  start: at(start),
  end: at(end),
  bufferBeforeMinutes: buffers,
  bufferAfterMinutes: buffers,
  meetingTypeId: 'intro-call',
  label,
});

describe('explainSlots', () => {
  it('lists closed hours on the midnight grid and names a weekly-hours gap or a date override', () => {
    const input = { ...schedule({ rules: monday('09:00', '10:00'), meetingType: meetingPolicy({ slotIntervalMinutes: 60 }) }), busy: [], bookings: [] };
    const lines = described(explainSlots(input, MONDAY));
    expect(lines).toHaveLength(24);
    expect(lines.slice(8, 11)).toEqual(['08:00 outside_weekly_hours', '09:00 offered', '10:00 outside_weekly_hours']);
    const overridden = { ...input, overrides: [{ date: MONDAY, startTime: '14:00', endTime: '15:00' }] };
    expect(described(explainSlots(overridden, MONDAY), '09:00', '15:00')).toEqual([
      '09:00 date_override',
      '10:00 date_override',
      '11:00 date_override',
      '12:00 date_override',
      '13:00 date_override',
      '14:00 offered',
    ]);
  });

  it('says a meeting would run past the end of hours for the last grid points of a window', () => {
    const input = { ...schedule({ rules: monday('09:00', '10:00'), meetingType: meetingPolicy({ durationMinutes: 45 }) }), busy: [], bookings: [] };
    expect(described(explainSlots(input, MONDAY), '09:00', '10:00')).toEqual(['09:00 offered', '09:15 offered', '09:30 outside_weekly_hours', '09:45 outside_weekly_hours']);
  });

  it('names minimum notice and the booking window', () => {
    const notice = { ...schedule({ rules: monday('09:00', '11:00'), now: at('2026-03-09T08:00:00Z'), meetingType: meetingPolicy({ minNoticeMinutes: 90, slotIntervalMinutes: 30 }) }), busy: [], bookings: [] };
    expect(described(explainSlots(notice, MONDAY), '09:00', '11:00')).toEqual(['09:00 minimum_notice', '09:30 offered', '10:00 offered', '10:30 offered']);
    const horizon = { ...notice, now: at('2026-03-08T10:00:00Z'), meetingType: meetingPolicy({ maxDaysInFuture: 1, slotIntervalMinutes: 30 }) };
    expect(described(explainSlots(horizon, MONDAY), '09:00', '11:00')).toEqual(['09:00 offered', '09:30 offered', '10:00 booking_window', '10:30 booking_window']);
  });

  it('names the booking, the buffer around it, and the calendar event in the way', () => {
    const input = {
      ...schedule({ rules: monday('09:00', '12:00'), meetingType: meetingPolicy({ slotIntervalMinutes: 30 }) }),
      bookings: [booking('2026-03-09T09:30:00Z', '2026-03-09T10:00:00Z', 'B1', 30)],
      busy: [{ start: at('2026-03-09T11:00:00Z'), end: at('2026-03-09T11:15:00Z'), label: 'Work' }],
    };
    expect(described(explainSlots(input, MONDAY), '09:00', '12:00')).toEqual([
      '09:00 booking_buffer:B1',
      '09:30 booking:B1',
      '10:00 booking_buffer:B1',
      '10:30 offered',
      '11:00 busy:Work',
      '11:30 offered',
    ]);
  });

  it('says the daily limit is reached on every open start of a full day', () => {
    const input = {
      ...schedule({ rules: monday('09:00', '11:00'), meetingType: meetingPolicy({ slotIntervalMinutes: 60, maxBookingsPerDay: 1 }) }),
      bookings: [booking('2026-03-09T15:00:00Z', '2026-03-09T15:30:00Z', 'B2')],
      busy: [],
    };
    expect(described(explainSlots(input, MONDAY), '09:00', '11:00')).toEqual(['09:00 daily_limit', '10:00 daily_limit']);
  });

  it('offers a group event’s start while it has seats, with the seats taken, and calls a full one full', () => {
    const seat = (start: string, end: string, label: string) => ({ ...booking(start, end, label), seated: true });
    const input = {
      ...schedule({ rules: monday('09:00', '12:00'), meetingType: meetingPolicy({ durationMinutes: 60, slotIntervalMinutes: 30, seatsPerSlot: 3 }) }),
      bookings: [seat('2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z', 'S1'), seat('2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z', 'S2')],
      busy: [],
    };
    const explained = explainSlots(input, MONDAY);
    expect(described(explained, '09:00', '12:00')).toEqual([
      '09:00 offered',
      '09:30 booking:S1,booking:S2',
      '10:00 offered',
      '10:30 booking:S1,booking:S2',
      '11:00 offered',
      '11:30 outside_weekly_hours',
    ]);
    expect(explained.starts.find((candidate) => candidate.start === at('2026-03-09T10:00:00Z'))?.seats).toEqual({ taken: 2, of: 3 });
    expect(explained.starts.find((candidate) => candidate.start === at('2026-03-09T09:00:00Z'))?.seats).toBeUndefined();
    // The booking page offers the same starts.
    const day = { start: at('2026-03-09T00:00:00Z'), end: at('2026-03-10T00:00:00Z') };
    expect(computeOfferedSlots(input, day).map((slot) => iso(slot.start).slice(11, 16))).toEqual(['09:00', '10:00', '11:00']);

    const full = { ...input, bookings: [...input.bookings, seat('2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z', 'S3')] };
    const ten = explainSlots(full, MONDAY).starts.find((candidate) => candidate.start === at('2026-03-09T10:00:00Z'));
    expect(ten).toMatchObject({ obstacles: [{ kind: 'full', taken: 3, seats: 3 }], seats: { taken: 3, of: 3 } });
    // Another meeting type still sees the occasion as bookings in the way.
    const other = { ...input, meetingType: meetingPolicy({ id: 'other', durationMinutes: 60, slotIntervalMinutes: 30 }) };
    expect(described(explainSlots(other, MONDAY), '10:00', '10:30')).toEqual(['10:00 booking:S1,booking:S2']);
  });

  it('follows the host zone on a DST day: a 23-hour date has 23 hourly candidates', () => {
    const input = { ...schedule({ timeZone: 'America/New_York', rules: monday('09:00', '10:00'), meetingType: meetingPolicy({ slotIntervalMinutes: 60 }) }), busy: [], bookings: [] };
    const { span, starts } = explainSlots(input, '2026-03-08'); // New York springs forward
    expect((span.end - span.start) / 3_600_000).toBe(23);
    expect(starts).toHaveLength(23);
  });
});
