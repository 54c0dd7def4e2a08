import { z } from 'zod';
import { calendarDateField, timeZoneField } from '@/lib/booking/schemas';
import { addDays } from '@/lib/scheduling';

export const MAX_RANGE_DAYS = 62;

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
