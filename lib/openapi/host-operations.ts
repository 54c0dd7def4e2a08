import { z } from 'zod';
import { dateOverrideApiSchema, timeZoneInputSchema, weeklyHoursSchema } from '@/lib/hosts/availability/schemas';
import { apiBookingListQuerySchema } from '@/lib/hosts/bookings/api-list';
import { hostCancelApiSchema, noShowApiSchema } from '@/lib/hosts/bookings/schemas';
import { meetingTypeApiSchema } from '@/lib/hosts/meeting-types/schemas';
import type { Operation } from './operations';
import * as replies from './reply-schemas';

// The host REST API (app/api/v1/me, meeting-types, weekly-hours, time-zone, date-overrides,
// me/bookings): what each route parses and answers. tests/integration/openapi-contract.test.ts checks
// that every host route file is listed here and every reply matches.

const tag = 'Host API';
const uuidParam = (what: string) => ({ id: { description: `The ${what}'s id`, schema: { type: 'string', format: 'uuid' } } });
const dateParam = { date: { description: 'A date in the host’s zone, YYYY-MM-DD', schema: { type: 'string', format: 'date' } } };
const bookingReply = z.object({ booking: replies.hostBooking });
const meetingTypeReply = z.object({ meetingType: replies.meetingType });

export const hostOperations: Operation[] = [
  { method: 'get', path: '/api/v1/me', tag, scope: 'read', summary: 'The host the API key acts for', replies: { 200: { description: 'The host', body: replies.me } } },
  {
    method: 'get',
    path: '/api/v1/meeting-types',
    tag,
    scope: 'read',
    summary: 'List meeting types',
    replies: { 200: { description: 'Every meeting type that is not deleted, by name', body: z.object({ meetingTypes: z.array(replies.meetingType) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/meeting-types',
    tag,
    scope: 'read-write',
    summary: 'Create a meeting type',
    description: 'Durations are in minutes (`maxDaysInFuture` in days); a `<field>Unit` beside one converts it, as the dashboard form does.',
    body: meetingTypeApiSchema,
    idempotent: true,
    errors: [409, 413, 415, 422],
    replies: { 201: { description: 'Created (or the first reply again, for a repeated Idempotency-Key)', body: meetingTypeReply } },
  },
  { method: 'get', path: '/api/v1/meeting-types/{id}', tag, scope: 'read', summary: 'Get a meeting type', pathParams: uuidParam('meeting type'), errors: [404], replies: { 200: { description: 'The meeting type', body: meetingTypeReply } } },
  {
    method: 'put',
    path: '/api/v1/meeting-types/{id}',
    tag,
    scope: 'read-write',
    summary: 'Replace a meeting type’s fields',
    pathParams: uuidParam('meeting type'),
    body: meetingTypeApiSchema,
    errors: [404, 409, 413, 415],
    replies: { 200: { description: 'The meeting type as saved', body: meetingTypeReply } },
  },
  {
    method: 'delete',
    path: '/api/v1/meeting-types/{id}',
    tag,
    scope: 'read-write',
    summary: 'Delete a meeting type (its bookings stay)',
    pathParams: uuidParam('meeting type'),
    errors: [404],
    replies: { 200: { description: 'Deleted', body: z.object({ id: z.uuid() }) } },
  },
  { method: 'get', path: '/api/v1/weekly-hours', tag, scope: 'read', summary: 'Get the weekly hours', replies: { 200: { description: 'Seven days, Sunday (0) first', body: replies.weeklyHours } } },
  {
    method: 'put',
    path: '/api/v1/weekly-hours',
    tag,
    scope: 'read-write',
    summary: 'Replace the weekly hours',
    description: 'A day left out, or with no windows, is unavailable. Times are HH:MM in the host’s zone; an end may be 24:00.',
    body: weeklyHoursSchema,
    errors: [413, 415],
    replies: { 200: { description: 'The week as saved', body: replies.weeklyHours } },
  },
  { method: 'get', path: '/api/v1/time-zone', tag, scope: 'read', summary: 'Get the host’s time zone', replies: { 200: { description: 'The zone', body: replies.timeZone } } },
  {
    method: 'put',
    path: '/api/v1/time-zone',
    tag,
    scope: 'read-write',
    summary: 'Set the host’s time zone',
    body: timeZoneInputSchema,
    errors: [413, 415],
    replies: { 200: { description: 'The canonical zone as saved', body: replies.timeZone } },
  },
  {
    method: 'get',
    path: '/api/v1/date-overrides',
    tag,
    scope: 'read',
    summary: 'List today’s and later date overrides',
    replies: { 200: { description: 'One entry per date, earliest first', body: z.object({ dateOverrides: z.array(replies.dateOverride) }) } },
  },
  {
    method: 'put',
    path: '/api/v1/date-overrides/{date}',
    tag,
    scope: 'read-write',
    summary: 'Set one date’s hours, or the whole date off',
    pathParams: dateParam,
    body: dateOverrideApiSchema,
    errors: [409, 413, 415],
    replies: { 200: { description: 'The date as saved', body: replies.dateOverride } },
  },
  {
    method: 'delete',
    path: '/api/v1/date-overrides/{date}',
    tag,
    scope: 'read-write',
    summary: 'Remove a date override (the weekly hours apply again)',
    pathParams: dateParam,
    errors: [404],
    replies: { 200: { description: 'Removed', body: z.object({ date: z.iso.date() }) } },
  },
  {
    method: 'get',
    path: '/api/v1/me/bookings',
    tag,
    scope: 'read',
    summary: 'List bookings',
    description: 'Soonest first. Pass `nextCursor` as `cursor` for the next page; it is null on the last one.',
    query: apiBookingListQuerySchema,
    replies: { 200: { description: 'One page', body: replies.bookingPage } },
  },
  { method: 'get', path: '/api/v1/me/bookings/{id}', tag, scope: 'read', summary: 'Get a booking (the host’s view, with tracking)', pathParams: uuidParam('booking'), errors: [404], replies: { 200: { description: 'The booking', body: bookingReply } } },
  {
    method: 'post',
    path: '/api/v1/me/bookings/{id}/cancel',
    tag,
    scope: 'read-write',
    summary: 'Cancel a booking as the host',
    description: 'The invitee is emailed, with the reason when given.',
    pathParams: uuidParam('booking'),
    body: hostCancelApiSchema,
    errors: [404, 409, 413, 415],
    replies: { 200: { description: 'The cancelled booking', body: bookingReply } },
  },
  {
    method: 'post',
    path: '/api/v1/me/bookings/{id}/no-show',
    tag,
    scope: 'read-write',
    summary: 'Mark (or unmark) that the invitee did not come',
    description: 'Only for a confirmed meeting that has started.',
    pathParams: uuidParam('booking'),
    body: noShowApiSchema,
    errors: [404, 409, 413, 415],
    replies: { 200: { description: 'The booking', body: bookingReply } },
  },
];
