import * as dateOverride from '@/app/api/v1/date-overrides/[date]/route';
import * as dateOverrides from '@/app/api/v1/date-overrides/route';
import * as bookingApprove from '@/app/api/v1/me/bookings/[id]/approve/route';
import * as bookingCancel from '@/app/api/v1/me/bookings/[id]/cancel/route';
import * as bookingDecline from '@/app/api/v1/me/bookings/[id]/decline/route';
import * as bookingNoShow from '@/app/api/v1/me/bookings/[id]/no-show/route';
import * as booking from '@/app/api/v1/me/bookings/[id]/route';
import * as bookingList from '@/app/api/v1/me/bookings/route';
import * as me from '@/app/api/v1/me/route';
import * as meetingType from '@/app/api/v1/meeting-types/[id]/route';
import * as meetingTypes from '@/app/api/v1/meeting-types/route';
import * as timeZone from '@/app/api/v1/time-zone/route';
import * as webhookResend from '@/app/api/v1/webhook-deliveries/[id]/resend/route';
import * as webhookDeliveries from '@/app/api/v1/webhook-endpoints/[id]/deliveries/route';
import * as webhookRotate from '@/app/api/v1/webhook-endpoints/[id]/rotate-secret/route';
import * as webhookEndpoint from '@/app/api/v1/webhook-endpoints/[id]/route';
import * as webhookTest from '@/app/api/v1/webhook-endpoints/[id]/test/route';
import * as webhookEndpoints from '@/app/api/v1/webhook-endpoints/route';
import * as weeklyHours from '@/app/api/v1/weekly-hours/route';
import type { Database } from '@/db/client';
import { hostContext } from '@/lib/hosts/host-write';
import { createApiKey } from '@/lib/hosts/api-keys/create';
import { depsFor } from './calendar-helpers';
import { expectReplyMatchesDocument, pathTemplateOf } from './openapi-contract';

// Calls the host API's real route handlers in-process, as `callApi('GET', '/api/v1/me', { key })`,
// and checks every reply against the OpenAPI document (the contract test).

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every host API route module by its path template; the inventory test compares this with app/. */
export const hostApiRoutes: Record<string, Record<string, unknown>> = {
  '/api/v1/me': me,
  '/api/v1/meeting-types': meetingTypes,
  '/api/v1/meeting-types/{id}': meetingType,
  '/api/v1/weekly-hours': weeklyHours,
  '/api/v1/time-zone': timeZone,
  '/api/v1/date-overrides': dateOverrides,
  '/api/v1/date-overrides/{date}': dateOverride,
  '/api/v1/me/bookings': bookingList,
  '/api/v1/me/bookings/{id}': booking,
  '/api/v1/me/bookings/{id}/cancel': bookingCancel,
  '/api/v1/me/bookings/{id}/no-show': bookingNoShow,
  '/api/v1/me/bookings/{id}/approve': bookingApprove,
  '/api/v1/me/bookings/{id}/decline': bookingDecline,
  '/api/v1/webhook-endpoints': webhookEndpoints,
  '/api/v1/webhook-endpoints/{id}': webhookEndpoint,
  '/api/v1/webhook-endpoints/{id}/rotate-secret': webhookRotate,
  '/api/v1/webhook-endpoints/{id}/deliveries': webhookDeliveries,
  '/api/v1/webhook-endpoints/{id}/test': webhookTest,
  '/api/v1/webhook-deliveries/{id}/resend': webhookResend,
};

export interface HostApiReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

function paramsOf(template: string, pathname: string): Record<string, string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const values = new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`).exec(pathname)?.slice(1) ?? [];
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(values[i]!)]));
}

export async function callApi<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read replies loosely
  method: string,
  path: string,
  options: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HostApiReply<T>> {
  const url = `http://rendezvous.test${path}`;
  const pathname = new URL(url).pathname;
  const template = pathTemplateOf(pathname);
  const routeModule = template ? hostApiRoutes[template] : undefined;
  const handler = routeModule?.[method] as Handler | undefined;
  if (!template || !handler) throw new Error(`no host API handler for ${method} ${pathname}`);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const request = new Request(url, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(paramsOf(template, pathname)) });
  const text = await response.text();
  const parsed = text === '' ? null : JSON.parse(text);
  expectReplyMatchesDocument(method, url, response.status, response.headers.get('content-type'), parsed);
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** A new API key of `hostUserId` (made by the dashboard's verb), and the key itself. */
export async function issueKey(database: Database, hostUserId: string, scope: 'read' | 'read-write' = 'read-write') {
  const ctx = hostContext(depsFor(database), hostUserId);
  return createApiKey(ctx, { name: `Key ${scope}`, scope });
}

/** A meeting type body the API accepts (every required field). */
export function meetingTypeBody(overrides: Record<string, unknown> = {}) {
  const suffix = Math.random().toString(36).slice(2, 10);
  return {
    name: `API ${suffix}`,
    slug: `api-${suffix}`,
    description: 'Made through the API.',
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    minNoticeMinutes: 60,
    maxDaysInFuture: 30,
    slotIntervalMinutes: null,
    maxBookingsPerDay: null,
    location: null,
    addVideoLink: false,
    color: '#3b82f6',
    isActive: true,
    minChangeNoticeMinutes: 0,
    contactLine: null,
    ...overrides,
  };
}

/** A webhook endpoint body the API accepts once WEBHOOK_ALLOW_PRIVATE_TARGETS lets a local address through. */
export function webhookEndpointBody(overrides: Record<string, unknown> = {}) {
  return { url: `https://127.0.0.1/hooks/${Math.random().toString(36).slice(2, 10)}`, events: ['booking.created'], ...overrides };
}

/** A valid body for each writing operation, so a refusal is about who asks, not what is sent. */
export function sampleBody(method: string, template: string): unknown {
  const bodies: Record<string, unknown> = {
    'POST /api/v1/meeting-types': meetingTypeBody(),
    'PUT /api/v1/meeting-types/{id}': meetingTypeBody(),
    'PUT /api/v1/weekly-hours': { days: [{ dayOfWeek: 1, windows: [{ startTime: '09:00', endTime: '12:00' }] }] },
    'PUT /api/v1/time-zone': { timeZone: 'Europe/Paris' },
    'PUT /api/v1/date-overrides/{date}': { unavailable: true, windows: [] },
    'POST /api/v1/me/bookings/{id}/cancel': { reason: 'Travelling' },
    'POST /api/v1/me/bookings/{id}/no-show': { noShow: true },
    'POST /api/v1/me/bookings/{id}/decline': { reason: 'Fully booked' },
    'POST /api/v1/webhook-endpoints': webhookEndpointBody(),
    'PUT /api/v1/webhook-endpoints/{id}': webhookEndpointBody({ enabled: false }),
  };
  return bodies[`${method} ${template}`];
}
