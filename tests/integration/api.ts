import { GET as getAvailability } from '@/app/api/v1/availability/route';
import { POST as postApproval } from '@/app/api/v1/bookings/[id]/approval/route';
import { GET as getBooking } from '@/app/api/v1/bookings/[id]/route';
import { GET as getCalendarFile } from '@/app/api/v1/bookings/[id]/ics/route';
import { POST as postCancel } from '@/app/api/v1/bookings/[id]/cancel/route';
import { POST as postDecline } from '@/app/api/v1/bookings/[id]/decline/route';
import { POST as postReschedule } from '@/app/api/v1/bookings/[id]/reschedule/route';
import { POST as postBooking } from '@/app/api/v1/bookings/route';
import { expectReplyMatchesDocument } from './openapi-contract';

// Calls the real route handlers in-process with real Requests: everything below the HTTP server
// (validation, rate limits, cache, transaction, Postgres) is the production code path.

const origin = 'http://rendezvous.test';

export interface ApiReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** The reply, checked against the OpenAPI document (the contract test: every API test checks it). */
async function reply<T>(response: Response, request: Request): Promise<ApiReply<T>> {
  const body = response.status === 304 ? null : await response.json();
  expectReplyMatchesDocument(request.method, request.url, response.status, response.headers.get('content-type'), body);
  return { status: response.status, headers: response.headers, body: body as T };
}

const jsonHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });

export async function fetchAvailability(query: Record<string, string>, headers: Record<string, string> = {}) {
  const url = `${origin}/api/v1/availability?${new URLSearchParams(query)}`;
  const request = new Request(url, { headers });
  return reply<{ slots: { start: string; end: string }[]; error?: ApiError }>(await getAvailability(request, { params: Promise.resolve({}) }), request);
}

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

export interface BookingBody {
  booking: {
    id: string;
    status: string;
    meetingTypeId: string;
    start: string;
    end: string;
    name: string;
    email: string;
    timezone: string;
    /** Present when the caller may see it: a cancel link does not reveal the reschedule link. */
    cancelUrl?: string;
    rescheduleUrl?: string;
  };
  error?: ApiError;
}

export async function book(body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${origin}/api/v1/bookings`, {
    method: 'POST',
    headers: jsonHeaders(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return reply<BookingBody>(await postBooking(request, { params: Promise.resolve({}) }), request);
}

export async function lookupBooking(id: string, token: string | null) {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const request = new Request(`${origin}/api/v1/bookings/${id}${query}`);
  return reply<BookingBody>(await getBooking(request, { params: Promise.resolve({ id }) }), request);
}

/** The booking's .ics file: the text as sent (JSON only when it failed). */
export async function downloadCalendarFile(id: string, token: string | null) {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const request = new Request(`${origin}/api/v1/bookings/${id}/ics${query}`);
  const response = await getCalendarFile(request, { params: Promise.resolve({ id }) });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  expectReplyMatchesDocument('GET', request.url, response.status, contentType, contentType?.startsWith('application/json') ? JSON.parse(text) : text);
  return { status: response.status, headers: response.headers, text };
}

export async function cancel(id: string, body: unknown) {
  const request = new Request(`${origin}/api/v1/bookings/${id}/cancel`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify(body) });
  return reply<BookingBody>(await postCancel(request, { params: Promise.resolve({ id }) }), request);
}

export async function reschedule(id: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`${origin}/api/v1/bookings/${id}/reschedule`, {
    method: 'POST',
    headers: jsonHeaders(headers),
    body: JSON.stringify(body),
  });
  return reply<BookingBody>(await postReschedule(request, { params: Promise.resolve({ id }) }), request);
}

/** The invitee declines the host's request for a new time (reschedule link token). */
export async function declineNewTime(id: string, body: unknown) {
  const request = new Request(`${origin}/api/v1/bookings/${id}/decline`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify(body) });
  return reply<BookingBody>(await postDecline(request, { params: Promise.resolve({ id }) }), request);
}

/** The host approves or declines a request with the emailed approval link's token. */
export async function decideByApprovalLink(id: string, body: unknown) {
  const request = new Request(`${origin}/api/v1/bookings/${id}/approval`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify(body) });
  return reply<BookingBody>(await postApproval(request, { params: Promise.resolve({ id }) }), request);
}

/** The token in a cancel/reschedule link. */
export function tokenOf(url: string | undefined): string {
  if (!url) throw new Error('no link in the reply');
  const token = new URL(url).searchParams.get('token');
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}
