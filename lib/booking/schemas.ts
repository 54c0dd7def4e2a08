import { z } from 'zod';
import { timeZoneSchema } from '@/lib/scheduling';

// Request bodies of the public booking API. The route parses with these; lib/booking trusts the result.

export const timeZoneField = z.string().max(64).pipe(timeZoneSchema);

// Calendars have no business outside these years, and time zone rules are only meaningful inside them.
const EARLIEST = '1970-01-01';
const LATEST = '2199-12-31';

/** A calendar date "YYYY-MM-DD" within the supported years. */
export const calendarDateField = z.iso
  .date()
  .refine((date) => date >= EARLIEST && date <= LATEST, `Dates must lie between ${EARLIEST} and ${LATEST}`);

/** An instant with an explicit offset ("Z" or "+02:00"), normalised to epoch ms. */
export const instantField = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .refine((ms) => ms >= Date.parse(`${EARLIEST}T00:00:00Z`) && ms <= Date.parse(`${LATEST}T23:59:59Z`), {
    message: `Times must lie between ${EARLIEST} and ${LATEST}`,
  });

export const createBookingSchema = z.strictObject({
  meetingTypeId: z.uuid(),
  start: instantField,
  name: z.string().trim().min(1).max(255),
  email: z.email().max(255),
  timezone: timeZoneField,
  notes: z.string().trim().max(5_000).optional(),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

const tokenField = z.string().min(1).max(200);

export const cancelBookingSchema = z.strictObject({
  token: tokenField,
  reason: z.string().trim().max(2_000).optional(),
});

export const rescheduleBookingSchema = z.strictObject({
  token: tokenField,
  start: instantField,
});

/** Printable ASCII, as clients generate them (UUIDs, ULIDs, random strings). */
export const idempotencyKeyField = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be 1–255 printable ASCII characters');
