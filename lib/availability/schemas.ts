import { z } from 'zod';
import { calendarDateField, timeZoneField } from '@/lib/api-fields';
import { AppError } from '@/lib/errors';
import { addDays, type Interval, MS_PER_DAY } from '@/lib/scheduling';

export const MAX_RANGE_DAYS = 62;
/** The longest booking window a meeting type may have (the meeting_types_window_positive CHECK). */
export const MAX_BOOKING_WINDOW_DAYS = 730;

const fieldsValid = (payload: { issues: unknown[] }) => payload.issues.length === 0;

/** GET /api/v1/availability query: a date range in the invitee's zone, at most 62 days. */
export const availabilityQuerySchema = z
  .strictObject({
    meetingTypeId: z.uuid(),
    start: calendarDateField,
    end: calendarDateField,
    timezone: timeZoneField,
  })
  // Zod 4 runs object refinements even when a field already failed; these need valid dates.
  .refine((q) => q.end >= q.start, { message: 'end must not be before start', path: ['end'], when: fieldsValid })
  .refine((q) => q.end < addDays(q.start, MAX_RANGE_DAYS), {
    message: `The range may span at most ${MAX_RANGE_DAYS} days`,
    path: ['end'],
    when: fieldsValid,
  });

/**
 * Refuses, before any cache or database work, a range no meeting type could have a slot in: wholly
 * before yesterday, or wholly past the longest booking window. Ranges that overlap are cut later.
 */
export function assertRangeWithinBounds(range: Interval, now: number): void {
  if (range.end > now - MS_PER_DAY && range.start < now + (MAX_BOOKING_WINDOW_DAYS + 1) * MS_PER_DAY) return;
  throw new AppError('invalid_request', `The range must overlap the time from yesterday to ${MAX_BOOKING_WINDOW_DAYS} days from now`, {
    details: { reason: 'range_out_of_bounds' },
  });
}

export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;
