import { z } from 'zod';
import { instantField, multiLineText, singleLineText, timeZoneField } from '@/lib/api-fields';
import { locales } from '@/lib/i18n/locales';
import { trackingField } from './tracking';

// Request bodies of the public booking API. The route parses with these; lib/booking trusts the result.

const tokenField = z.string().min(1).max(200);
/** A bound on the answers object before it is checked question by question (a meeting type asks at most 20). */
const MAX_ANSWER_KEYS = 50;

export const createBookingSchema = z.strictObject({
  meetingTypeId: z.uuid(),
  start: instantField,
  name: singleLineText(255).pipe(z.string().min(1)),
  // Lower case is the canonical form: caps per invitee and replays compare addresses as equal.
  email: z.email().max(255).transform((email) => email.toLowerCase()),
  timezone: timeZoneField,
  notes: multiLineText(5_000).optional(),
  /** utm_* parameters the booking page was opened with. */
  tracking: trackingField.optional(),
  /** Answers to the meeting type's questions by question id; checked against them in lib/booking/answers.ts (422 per question). */
  answers: z
    .record(z.string().min(1).max(64), z.unknown())
    .refine((answers) => Object.keys(answers).length <= MAX_ANSWER_KEYS, `Send at most ${MAX_ANSWER_KEYS} answers`)
    .optional(),
  /** The booking page's language: the invitee's emails are written in it. Absent: the request's Accept-Language. */
  locale: z.enum(locales).optional(),
  /** The token of the one-time link (/d/{token}) the page was opened with: it books once. */
  oneTimeLinkToken: tokenField.optional(),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const cancelBookingSchema = z.strictObject({
  token: tokenField,
  reason: singleLineText(2_000).optional(),
});

export const rescheduleBookingSchema = z.strictObject({
  token: tokenField,
  start: instantField,
});

/** The invitee answers the host's request for a new time with "none suits me": the booking is cancelled. */
export const declineNewTimeSchema = z.strictObject({
  token: tokenField,
  reason: singleLineText(2_000).optional(),
});

/** The host answers a request from the emailed link (the token is the credential); a reason goes to the invitee. */
export const decideRequestSchema = z.strictObject({
  token: tokenField,
  decision: z.enum(['approve', 'decline']),
  reason: singleLineText(2_000).optional(),
});
