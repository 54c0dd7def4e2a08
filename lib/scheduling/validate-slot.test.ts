import { describe, expect, it } from 'vitest';
import { at, meetingPolicy, schedule } from './test-fixtures';
import type { BookedRange, ScheduleInput } from './types';
import { validateSlot } from './validate-slot';

// Monday 2026-03-09, UTC host, open 09:00-12:00, 30-minute meetings on a 15-minute grid.
const base: ScheduleInput = schedule({
  rules: [{ dayOfWeek: 1, startTime: '09:00', endTime: '12:00' }],
  now: at('2026-03-08T12:00:00Z'),
  meetingType: meetingPolicy({ minNoticeMinutes: 60, maxDaysInFuture: 7, maxBookingsPerDay: 1 }),
});
const reasonFor = (input: ScheduleInput, start: string): string => {
  const result = validateSlot(input, at(start));
  return result.ok ? 'ok' : result.reason;
};
const booking = (start: string, minutes: number, meetingTypeId = 'other'): BookedRange => ({
  start: at(start),
  end: at(start) + minutes * 60_000,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  meetingTypeId,
});

describe('validateSlot', () => {
  it('accepts a free start on the grid and returns the slot', () => {
    expect(validateSlot(base, at('2026-03-09T09:15:00Z'))).toEqual({
      ok: true,
      slot: { start: at('2026-03-09T09:15:00Z'), end: at('2026-03-09T09:45:00Z') },
    });
  });

  it.each([
    ['too_soon', '2026-03-08T12:30:00Z', base],
    ['too_far', '2026-03-16T09:00:00Z', base],
    ['outside_hours', '2026-03-09T08:45:00Z', base],
    ['outside_hours', '2026-03-09T11:45:00Z', base],
    ['off_grid', '2026-03-09T09:10:00Z', base],
    ['busy', '2026-03-09T09:30:00Z', { ...base, busy: [{ start: at('2026-03-09T09:59:00Z'), end: at('2026-03-09T10:30:00Z') }] }],
    ['busy', '2026-03-09T10:15:00Z', { ...base, bookings: [{ ...booking('2026-03-09T10:45:00Z', 30), bufferBeforeMinutes: 1 }] }],
    ['daily_limit', '2026-03-09T09:00:00Z', { ...base, bookings: [booking('2026-03-09T11:30:00Z', 30, 'intro-call')] }],
  ])('rejects with %s: %s', (reason, start, input) => {
    expect(reasonFor(input, start)).toBe(reason);
  });

  it('ignores bookings of other meeting types for the daily limit', () => {
    expect(reasonFor({ ...base, bookings: [booking('2026-03-09T11:30:00Z', 30, 'other')] }, '2026-03-09T09:00:00Z')).toBe('ok');
  });

  it('lets a slot touch busy time without overlapping it', () => {
    const input = { ...base, busy: [{ start: at('2026-03-09T10:00:00Z'), end: at('2026-03-09T10:30:00Z') }] };
    expect(reasonFor(input, '2026-03-09T09:30:00Z')).toBe('ok');
    expect(reasonFor(input, '2026-03-09T10:30:00Z')).toBe('ok');
  });

  it('reports the first failing reason in order: too_soon, too_far, outside_hours, off_grid, busy, daily_limit', () => {
    const everythingWrong = {
      ...base,
      busy: [{ start: at('2026-03-08T00:00:00Z'), end: at('2026-03-20T00:00:00Z') }],
      bookings: [booking('2026-03-09T11:30:00Z', 30, 'intro-call')],
    };
    expect(reasonFor(everythingWrong, '2026-03-08T12:05:00Z')).toBe('too_soon');
    expect(reasonFor({ ...everythingWrong, now: at('2026-03-01T00:00:00Z') }, '2026-03-09T09:05:00Z')).toBe('too_far');
    expect(reasonFor(everythingWrong, '2026-03-09T08:05:00Z')).toBe('outside_hours');
    expect(reasonFor(everythingWrong, '2026-03-09T09:05:00Z')).toBe('off_grid');
    expect(reasonFor(everythingWrong, '2026-03-09T09:15:00Z')).toBe('busy');
    expect(reasonFor({ ...everythingWrong, busy: [] }, '2026-03-09T09:15:00Z')).toBe('daily_limit');
  });

  it('measures the grid from the window start, not from the hour', () => {
    const input = { ...base, rules: [{ dayOfWeek: 1, startTime: '09:10', endTime: '12:00' }] };
    expect(reasonFor(input, '2026-03-09T09:25:00Z')).toBe('ok');
    expect(reasonFor(input, '2026-03-09T09:30:00Z')).toBe('off_grid');
  });

  it('reports outside_hours, not off_grid, for a grid point whose buffer starts before the window', () => {
    const input = { ...base, meetingType: meetingPolicy({ bufferBeforeMinutes: 10 }) };
    expect(reasonFor(input, '2026-03-09T09:00:00Z')).toBe('outside_hours');
    expect(reasonFor(input, '2026-03-09T09:15:00Z')).toBe('ok');
  });
});
