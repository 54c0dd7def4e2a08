import { z } from 'zod';

// The only place event names live. Outbox rows carry one of these names and a payload of its schema;
// dispatch sends them to Inngest with the outbox id as the event id, so retries are de-duplicated.

const bookingRef = z.object({
  bookingId: z.uuid(),
  hostUserId: z.uuid(),
  meetingTypeId: z.uuid(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
});

export const eventSchemas = {
  'booking/confirmed': bookingRef,
  'booking/cancelled': bookingRef.extend({ reason: z.string().nullable(), cancelledBy: z.enum(['invitee', 'host', 'system']) }),
  'booking/rescheduled': bookingRef.extend({ previousBookingId: z.uuid() }),
  /** A calendar connection lost its consent (invalid_grant): the host is told once, to reconnect. */
  'calendar/reauth-required': z.object({
    connectionId: z.uuid(),
    hostUserId: z.uuid(),
    provider: z.enum(['google', 'microsoft']),
    accountEmail: z.string().nullable(),
  }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
