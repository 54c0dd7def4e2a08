import { z } from 'zod';
import { bookingChangers, bookingQuestionTypes, bookingStatuses, trackingParameters, webhookDeliveryStatuses, webhookDisabledReasons, webhookEventTypes } from '@/db/schema';
import { errorStatus } from '@/lib/errors';
import { weeklyHoursSchema } from '@/lib/hosts/availability/schemas';
import { meetingTypeShape } from '@/lib/hosts/meeting-types/schemas';

// What the API answers, as zod schemas: the document's reply shapes. Request bodies need none of
// these (the routes' own schemas are the document's); a reply is built by a presenter, and the
// contract test holds each presenter to its schema here.

const instant = z.iso.datetime({ offset: true });
const nullableInstant = instant.nullable();

export const errorReply = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** The meeting type as stored: every editable field of the form (new fields flow in from it) and its id. */
const meetingTypeFields = Object.fromEntries(Object.entries(meetingTypeShape.shape).filter(([name]) => !name.endsWith('Unit')));
export const meetingType = z.object({ id: z.uuid(), ...meetingTypeFields, color: z.string().nullable() });

const wallWindow = z.object({ startTime: z.string(), endTime: z.string() });
export const weeklyHours = weeklyHoursSchema;
export const timeZone = z.object({ timeZone: z.string() });
export const dateOverride = z.object({ date: z.iso.date(), unavailable: z.boolean(), windows: z.array(wallWindow) });

export const me = z.object({ host: z.object({ id: z.uuid(), name: z.string(), email: z.string(), username: z.string(), timeZone: z.string() }) });

const tracking = z.object(Object.fromEntries(trackingParameters.map((name) => [name, z.string().optional()]))).nullable();

/** An invitee's answer, with the question's label and type as they were when asked. */
const answer = z.object({
  questionId: z.string(),
  label: z.string(),
  type: z.enum(bookingQuestionTypes),
  value: z.union([z.string(), z.array(z.string()), z.boolean(), z.number()]),
});

/** What the list and the detail both say of a booking. */
const bookingBasics = {
  id: z.uuid(),
  status: z.enum(bookingStatuses),
  meetingTypeId: z.uuid(),
  meetingTypeName: z.string(),
  start: instant,
  end: instant,
  inviteeName: z.string(),
  inviteeEmail: z.string(),
  inviteeTimeZone: z.string(),
};

export const bookingListItem = z.object({
  ...bookingBasics,
  noShow: z.boolean(),
  cancelledBy: z.enum(bookingChangers).nullable(),
  cancellationReason: z.string().nullable(),
  createdAt: instant,
});

export const bookingPage = z.object({ items: z.array(bookingListItem), nextCursor: z.string().nullable() });

export const hostBooking = z.object({
  ...bookingBasics,
  hostTimeZone: z.string(),
  notes: z.string().nullable(),
  tracking,
  cancellationReason: z.string().nullable(),
  cancelledAt: nullableInstant,
  cancelledBy: z.enum(bookingChangers).nullable(),
  noShowAt: nullableInstant,
  newTimeRequestedAt: nullableInstant,
  newTimeRequestMessage: z.string().nullable(),
  rescheduledFromId: z.uuid().nullable(),
  rescheduledToId: z.uuid().nullable(),
  answers: z.array(answer),
  /** A seat of a group event: how many seats its time has; null for an ordinary booking. */
  seatsPerSlot: z.number().int().nullable(),
});

/** The invitee's view of a booking (lib/booking/present.ts): only the links the caller may see. */
export const publicBooking = z.object({
  booking: z.object({
    id: z.uuid(),
    status: z.enum(bookingStatuses),
    meetingTypeId: z.uuid(),
    start: instant,
    end: instant,
    name: z.string(),
    email: z.string(),
    timezone: z.string(),
    answers: z.array(answer),
    cancelUrl: z.url().optional(),
    rescheduleUrl: z.url().optional(),
    /** A team type's booking, in the reply that made or moved it: the names of the hosts the invitee meets. */
    hosts: z.array(z.string()).optional(),
  }),
});

export const availability = z.object({
  meetingTypeId: z.uuid(),
  timezone: z.string(),
  // A group event's starts say how many seats are left.
  slots: z.array(z.object({ start: instant, end: instant, seatsLeft: z.number().int().positive().optional() })),
});

/** A webhook endpoint as its host sees it (lib/webhooks/endpoints/owned-endpoint.ts): never its secret. */
export const webhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  enabled: z.boolean(),
  disabledReason: z.enum(webhookDisabledReasons).nullable(),
  failingSince: nullableInstant,
  createdAt: instant,
});

/** One delivery of the endpoint's log, with every attempt (the first 1 KB of each reply). */
export const webhookDelivery = z.object({
  id: z.string().regex(/^msg_/),
  eventType: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: nullableInstant,
  createdAt: instant,
  attemptLog: z.array(
    z.object({
      attemptNumber: z.number().int(),
      attemptedAt: instant,
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
      responseExcerpt: z.string().nullable(),
    }),
  ),
});
