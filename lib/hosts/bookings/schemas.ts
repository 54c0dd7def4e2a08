import { z } from 'zod';
import { checkbox, instantField, multiLineText } from '@/lib/api-fields';

// What the dashboard's bookings pages accept: the list's URL (?tab=&q=&cursor=) and the host's actions
// on a booking (cancel, reschedule, request a new time, no-show).
// A tampered list URL falls back to the first page of Upcoming rather than an error page.

/** `pending`: requests awaiting the host's approval; `cancelled` also lists declined and expired requests. */
export const bookingTabs = ['upcoming', 'pending', 'past', 'cancelled'] as const;
export type BookingTab = (typeof bookingTabs)[number];

export const BOOKINGS_PAGE_SIZE = 25;
export const MAX_SEARCH_LENGTH = 100;

/** Where a page ended: the last row's start, exactly as Postgres stores it (µs), and its id. */
export interface BookingCursor {
  start: string;
  id: string;
}

export function encodeBookingCursor(cursor: BookingCursor): string {
  return Buffer.from(JSON.stringify([cursor.start, cursor.id])).toString('base64url');
}

function decodeJson(value: string, context: z.RefinementCtx): unknown {
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    context.addIssue({ code: 'custom', message: 'Not a page cursor' });
    return z.NEVER;
  }
}

export const bookingCursorField = z
  .string()
  .max(200)
  .transform(decodeJson)
  .pipe(z.tuple([z.iso.datetime().refine((start) => start >= '1970' && start < '2200', 'Not a page cursor'), z.uuid()]))
  .transform(([start, id]): BookingCursor => ({ start, id }));

// C0 controls and DEL are dropped (Postgres refuses NUL; none of them is worth matching).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f]/g;

/** What the host typed to search by: trimmed, control characters removed, at most 100 characters. */
export const bookingSearchField = z.string().transform((text) => text.replace(CONTROLS, ' ').trim().slice(0, MAX_SEARCH_LENGTH));

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const bookingListQuerySchema = z.object({
  tab: z.preprocess(firstValue, z.enum(bookingTabs)).catch('upcoming'),
  q: z.preprocess(firstValue, bookingSearchField).catch(''),
  cursor: z.preprocess(firstValue, bookingCursorField.optional()).catch(undefined),
});
export type BookingListQuery = z.infer<typeof bookingListQuerySchema>;

// Any malformed id is the service's 404, like another host's id.
const bookingIdField = z.string().min(1).max(64);
/** Optional text the host types (a reason, a note to the invitee): empty means none. */
const optionalNote = multiLineText(2_000)
  .optional()
  .transform((text) => text || undefined);

export const cancelHostBookingSchema = z.object({ bookingId: bookingIdField, reason: optionalNote });

export const rescheduleHostBookingSchema = z.object({ bookingId: bookingIdField, start: instantField, message: optionalNote });

export const requestNewTimeSchema = z.object({ bookingId: bookingIdField, message: optionalNote });

export const markNoShowSchema = z.object({ bookingId: bookingIdField, noShow: checkbox });

/** The host approves a request, or declines it with an optional reason told to the invitee. */
export const approveRequestSchema = z.object({ bookingId: bookingIdField });

export const declineRequestSchema = z.object({ bookingId: bookingIdField, reason: optionalNote });

/** The host API's bodies for the same actions (the booking id is in the path); unknown fields are refused. */
export const hostCancelApiSchema = cancelHostBookingSchema.omit({ bookingId: true }).strict();
export const noShowApiSchema = z.strictObject({ noShow: z.boolean() });
export const hostDeclineApiSchema = declineRequestSchema.omit({ bookingId: true }).strict();
