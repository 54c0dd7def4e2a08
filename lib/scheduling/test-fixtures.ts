// Builders for the scheduling tests: readable defaults, override only what a test is about.
import type { Interval, MeetingPolicy, ScheduleInput, WeeklyRule } from './types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Parses an ISO string that carries its own offset ("...Z"), so the process zone never matters. */
export function at(isoWithOffset: string): number {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(isoWithOffset)) throw new Error(`"${isoWithOffset}" needs an explicit offset`);
  return Date.parse(isoWithOffset);
}

export function iso(instant: number): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

export function startsOf(slots: Interval[]): string[] {
  return slots.map((slot) => iso(slot.start));
}

export function meetingPolicy(overrides: Partial<MeetingPolicy> = {}): MeetingPolicy {
  return {
    id: 'intro-call',
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: null,
    minNoticeMinutes: 0,
    maxDaysInFuture: 3650,
    maxBookingsPerDay: null,
    ...overrides,
  };
}

/** Every weekday (0-6) open over the same hours. */
export function everyDay(startTime: string, endTime: string): WeeklyRule[] {
  return [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime, endTime }));
}

export function schedule(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    timeZone: 'UTC',
    rules: [],
    overrides: [],
    busy: [],
    bookings: [],
    meetingType: meetingPolicy(),
    now: at('2020-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** Zones the property tests sweep: DST north and south, 30- and 45-minute offsets, none at all. */
export const PROPERTY_ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'UTC',
  'Asia/Tokyo',
];
