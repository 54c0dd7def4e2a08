// Boundary schemas for the engine's configuration, so the API can reject bad input with a 422
// instead of the engine throwing. Each is checked against the engine's type so they cannot drift.
import { z } from 'zod';
import { TIME_OF_DAY_PATTERN, parseTimeOfDay } from './time-of-day';
import { canonicalTimeZone } from './zone-offsets';
import type { DateOverride, MeetingPolicy, WeeklyRule } from './types';

/** An IANA zone in any letter case, replaced by its canonical name ("europe/berlin" → "Europe/Berlin"). */
export const timeZoneSchema = z.string().transform((value, context) => {
  const canonical = canonicalTimeZone(value);
  if (canonical === null) {
    context.addIssue({ code: 'custom', message: 'Unknown IANA time zone' });
    return z.NEVER;
  }
  return canonical;
});

export const localDateSchema = z.iso.date();

export const timeOfDaySchema = z.string().regex(TIME_OF_DAY_PATTERN, 'Expected HH:MM or HH:MM:SS (24:00 allowed)');

const startsBeforeEnd = (window: { startTime: string | null; endTime: string | null }): boolean =>
  window.startTime === null || window.endTime === null || parseTimeOfDay(window.startTime) < parseTimeOfDay(window.endTime);

export const weeklyRuleSchema = z
  .object({
    dayOfWeek: z.int().min(0).max(6),
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema,
  })
  .refine(startsBeforeEnd, { message: 'startTime must be before endTime', path: ['endTime'] }) satisfies z.ZodType<WeeklyRule>;

/** Both times set (one window) or both null (the whole date off). */
export const dateOverrideSchema = z
  .object({
    date: localDateSchema,
    startTime: timeOfDaySchema.nullable(),
    endTime: timeOfDaySchema.nullable(),
  })
  .refine((row) => (row.startTime === null) === (row.endTime === null), {
    message: 'Set both startTime and endTime, or neither to mark the date unavailable',
    path: ['endTime'],
  })
  .refine(startsBeforeEnd, { message: 'startTime must be before endTime', path: ['endTime'] }) satisfies z.ZodType<DateOverride>;

const minutes = z.int().min(0);

export const meetingPolicySchema = z.object({
  id: z.string().min(1),
  durationMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  bufferBeforeMinutes: minutes,
  bufferAfterMinutes: minutes,
  slotIntervalMinutes: z
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
  minNoticeMinutes: minutes,
  maxDaysInFuture: z.int().min(1).max(3650),
  maxBookingsPerDay: z.int().min(1).nullable(),
  seatsPerSlot: z.int().min(2).max(1000).nullable().optional(),
}) satisfies z.ZodType<MeetingPolicy>;
