import { z } from 'zod';
import { availabilityQuerySchema } from '@/lib/availability/schemas';
import { cancelBookingSchema, createBookingSchema, decideRequestSchema, declineNewTimeSchema, rescheduleBookingSchema } from '@/lib/booking';
import type { Operation } from './operations';
import * as replies from './reply-schemas';

// The public booking API the booking pages use (no API key): free slots, book, and what a booking's
// cancel or reschedule link (its `token`) allows. Paths and shapes exactly as they always were.

const tag = 'Booking API';
const bookingId = { id: { description: 'The booking’s id', schema: { type: 'string', format: 'uuid' } } };
const tokenQuery = z.strictObject({ token: z.string().describe('The token of the booking’s cancel or reschedule link') });

export const bookingOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/availability',
    tag,
    summary: 'Free slots of a meeting type',
    description:
      'Slots whose start falls between `start` 00:00 and `end` 24:00 in `timezone` (at most 62 days). Replies carry a strong ETag; `If-None-Match` answers 304. With `rescheduleToken` the booking that link opens counts as free.',
    query: availabilityQuerySchema,
    errors: [404],
    replies: { 200: { description: 'The slots', body: replies.availability }, 304: { description: 'Not modified' } },
  },
  {
    method: 'post',
    path: '/api/v1/bookings',
    tag,
    summary: 'Book a slot',
    description: 'The reply carries the booking’s cancel and reschedule links; the invitee is emailed them too.',
    body: createBookingSchema,
    idempotent: true,
    errors: [404, 409, 413, 415, 422],
    replies: { 201: { description: 'Booked', body: replies.publicBooking }, 200: { description: 'The booking an earlier request with this Idempotency-Key made', body: replies.publicBooking } },
  },
  {
    method: 'get',
    path: '/api/v1/bookings/{id}',
    tag,
    summary: 'A booking, for the holder of one of its links',
    pathParams: bookingId,
    query: tokenQuery,
    errors: [404],
    replies: { 200: { description: 'The booking, with only the link presented', body: replies.publicBooking } },
  },
  {
    method: 'get',
    path: '/api/v1/bookings/{id}/ics',
    tag,
    summary: 'The booking as an iCalendar file',
    pathParams: bookingId,
    query: tokenQuery,
    errors: [404],
    replies: { 200: { description: 'An .ics file', body: { mediaType: 'text/calendar', schema: { type: 'string' } } } },
  },
  {
    method: 'post',
    path: '/api/v1/bookings/{id}/cancel',
    tag,
    summary: 'Cancel with the cancel link’s token',
    pathParams: bookingId,
    body: cancelBookingSchema,
    errors: [404, 409, 413, 415],
    replies: { 200: { description: 'The cancelled booking', body: replies.publicBooking } },
  },
  {
    method: 'post',
    path: '/api/v1/bookings/{id}/reschedule',
    tag,
    summary: 'Move the booking with the reschedule link’s token',
    description: 'The old booking becomes `rescheduled` and its time is free.',
    pathParams: bookingId,
    body: rescheduleBookingSchema,
    idempotent: true,
    errors: [404, 409, 413, 415, 422],
    replies: { 201: { description: 'The new booking', body: replies.publicBooking }, 200: { description: 'The new booking, for a repeated Idempotency-Key', body: replies.publicBooking } },
  },
  {
    method: 'post',
    path: '/api/v1/bookings/{id}/decline',
    tag,
    summary: 'Decline the host’s request for a new time (reschedule link’s token)',
    pathParams: bookingId,
    body: declineNewTimeSchema,
    errors: [404, 409, 413, 415],
    replies: { 200: { description: 'The cancelled booking', body: replies.publicBooking } },
  },
  {
    method: 'post',
    path: '/api/v1/bookings/{id}/approval',
    tag,
    summary: 'Approve or decline a request with the host’s emailed approval link token',
    description:
      'For a meeting type that requires confirmation: `approve` confirms the pending request (the usual confirmation follows); `decline` frees the slot and tells the invitee, with `reason` when given. A request already decided, withdrawn or expired is a 409 whose `details.status` says which.',
    pathParams: bookingId,
    body: decideRequestSchema,
    errors: [404, 409, 413, 415],
    replies: { 200: { description: 'The booking as decided (no links: the token is the host’s)', body: replies.publicBooking } },
  },
];
