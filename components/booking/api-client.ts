import { z } from 'zod/mini';

// The browser's side of /api/v1: typed calls whose replies are checked against the contract, and
// one result shape for every failure (HTTP error, malformed reply, network down). zod/mini: the same
// checks at a fraction of the script the public pages ship.

// seatsLeft: only on a group event's slots.
const slotSchema = z.object({ start: z.string(), end: z.string(), seatsLeft: z.optional(z.number()) });
export type Slot = z.infer<typeof slotSchema>;

/** The time went to someone else: taken (slot_unavailable) or, on a group event, every seat sold (slot_taken). */
export function isSlotGone(code: string): boolean {
  return code === 'slot_unavailable' || code === 'slot_taken';
}

const availabilitySchema = z.object({ meetingTypeId: z.string(), timezone: z.string(), slots: z.array(slotSchema) });

const bookingSchema = z.object({
  id: z.string(),
  status: z.string(),
  meetingTypeId: z.string(),
  start: z.string(),
  end: z.string(),
  name: z.string(),
  email: z.string(),
  timezone: z.string(),
  // The invitee's own answers to the host's questions, labels as asked.
  answers: z.optional(
    z.array(z.object({ questionId: z.string(), label: z.string(), type: z.string(), value: z.union([z.string(), z.array(z.string()), z.boolean(), z.number()]) })),
  ),
  // Present only when the caller may see them (a cancel link does not reveal the reschedule link).
  cancelUrl: z.optional(z.string()),
  rescheduleUrl: z.optional(z.string()),
});
export type Booking = z.infer<typeof bookingSchema>;
const bookingReplySchema = z.object({ booking: bookingSchema });

const errorReplySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(
      z.looseObject({
        issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
        reason: z.optional(z.string()),
        // A refusal about fields found only after parsing (answers to questions): message and reason per field.
        fieldErrors: z.optional(z.record(z.string(), z.string())),
        fieldReasons: z.optional(z.record(z.string(), z.object({ reason: z.string(), limit: z.optional(z.number()) }))),
      }),
    ),
  }),
});

export interface ApiError {
  /** The API's code, or `network_error` / `bad_response` from this client. */
  code: string;
  message: string;
  issues: { path: string; message: string }[];
  /** details.reason of a 409 (why a slot or a change was refused), for words in the page's language. */
  reason?: string | undefined;
  /** details.fieldReasons of a 422 (answers.<id> → why, and the limit broken), for words in the page's language. */
  fieldReasons?: Record<string, { reason: string; limit?: number | undefined }> | undefined;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

const networkError: ApiError = {
  code: 'network_error',
  message: 'We could not reach the server. Check your connection and try again.',
  issues: [],
};

async function call<T>(url: string, init: RequestInit, schema: z.ZodMiniType<T>): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, status: 0, error: networkError };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, status: response.status, data: parsed.data };
  } else {
    const parsed = errorReplySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      const fieldIssues = Object.entries(details?.fieldErrors ?? {}).map(([path, text]) => ({ path, message: text }));
      const error = { code, message, issues: [...(details?.issues ?? []), ...fieldIssues], reason: details?.reason, fieldReasons: details?.fieldReasons };
      return { ok: false, status: response.status, error };
    }
  }
  const message = `The server sent an unexpected reply (HTTP ${response.status}). Please try again.`;
  return { ok: false, status: response.status, error: { code: 'bad_response', message, issues: [] } };
}

function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export interface AvailabilityQuery {
  meetingTypeId: string;
  /** Invitee-local dates, "YYYY-MM-DD", at most 62 days apart. */
  start: string;
  end: string;
  timezone: string;
  /** On a reschedule link: the booking being moved counts as free. */
  rescheduleToken?: string | undefined;
  /** The signed-in host moving their own booking (the dashboard): the same answer, by booking id. */
  hostBookingId?: string | undefined;
}

export function fetchAvailability({ rescheduleToken, hostBookingId, ...query }: AvailabilityQuery, signal?: AbortSignal) {
  const search = new URLSearchParams({ ...query, ...(rescheduleToken ? { rescheduleToken } : {}) });
  const path = hostBookingId ? `/api/dashboard/bookings/${encodeURIComponent(hostBookingId)}/availability` : '/api/v1/availability';
  return call(`${path}?${search}`, { signal, cache: 'no-store' }, availabilitySchema);
}

export interface NewBooking {
  meetingTypeId: string;
  start: string;
  name: string;
  email: string;
  timezone: string;
  notes?: string;
  /** utm_* parameters (only the five known keys; the API refuses others). */
  tracking?: Partial<Record<string, string>>;
  /** The page's language: the booking's emails are written in it. */
  locale?: string;
  /** Opened from a one-time link (/d/{token}): the booking uses it up. */
  oneTimeLinkToken?: string;
  /** Answers to the meeting type's questions, by question id. */
  answers?: Record<string, string | string[] | boolean>;
}

/** 201 (created) or 200 (the same key was seen before: the same booking again). */
export function createBooking(input: NewBooking, idempotencyKey: string) {
  return call('/api/v1/bookings', postJson(input, { 'idempotency-key': idempotencyKey }), bookingReplySchema);
}

function endWithReason(change: 'cancel' | 'decline', bookingId: string, token: string, reason: string | undefined) {
  const body = reason ? { token, reason } : { token };
  return call(`/api/v1/bookings/${encodeURIComponent(bookingId)}/${change}`, postJson(body), bookingReplySchema);
}

export function cancelBooking(bookingId: string, token: string, reason?: string) {
  return endWithReason('cancel', bookingId, token, reason);
}

/** Answers the host's request for a new time with "none suits me" (the reschedule link's token): the booking is cancelled. */
export function declineNewTime(bookingId: string, token: string, reason?: string) {
  return endWithReason('decline', bookingId, token, reason);
}

/** The same key on a retry returns the booking the first attempt made, instead of "already rescheduled". */
export function rescheduleBooking(bookingId: string, token: string, start: string, idempotencyKey: string) {
  const url = `/api/v1/bookings/${encodeURIComponent(bookingId)}/reschedule`;
  return call(url, postJson({ token, start }, { 'idempotency-key': idempotencyKey }), bookingReplySchema);
}

/** A fresh Idempotency-Key; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The host answers a request from the emailed link; 409 when it was already decided, withdrawn or expired. */
export function decideRequest(bookingId: string, token: string, decision: 'approve' | 'decline', reason?: string) {
  const body = reason ? { token, decision, reason } : { token, decision };
  return call(`/api/v1/bookings/${encodeURIComponent(bookingId)}/approval`, postJson(body), bookingReplySchema);
}
