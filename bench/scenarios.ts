import type { BenchWindow } from './seed';
import type { LoadTarget } from './load';

// The HTTP requests each scenario sends, and the one-off checks that they succeed before any timing.

const SLOT_MS = 15 * 60_000;

export function baselineTarget(baseUrl: string): LoadTarget {
  return { url: `${baseUrl}/api/health` };
}

export function availabilityTarget(baseUrl: string, meetingTypeId: string, window: BenchWindow): LoadTarget {
  const query = new URLSearchParams({
    meetingTypeId,
    start: window.firstDay,
    end: window.lastDay,
    timezone: window.inviteeTimeZone,
  });
  return { url: `${baseUrl}/api/v1/availability?${query}` };
}

/** The same request as a client holding the current copy sends it: the server should answer 304. */
export async function revalidationTarget(target: LoadTarget, etag: string): Promise<LoadTarget> {
  const revalidated = { ...target, headers: { ...target.headers, 'if-none-match': etag } };
  const response = await fetch(revalidated.url, { headers: revalidated.headers, signal: AbortSignal.timeout(10_000) });
  if (response.status !== 304) throw new Error(`revalidation sanity check failed: HTTP ${response.status}, expected 304`);
  return revalidated;
}

export interface AvailabilityCheck {
  slots: number;
  responseBytes: number;
  /** The reply's validator, for the revalidation scenario. */
  etag: string;
}

/** One request before measuring: it must be a 200 with slots, or every number after it is meaningless. */
export async function checkAvailability(target: LoadTarget): Promise<AvailabilityCheck> {
  const response = await fetch(target.url, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  const slots = response.status === 200 ? (JSON.parse(text) as { slots?: unknown[] }).slots : undefined;
  if (!Array.isArray(slots) || slots.length === 0) {
    throw new Error(`availability sanity check failed: HTTP ${response.status}, expected 200 with slots:\n${text.slice(0, 2_000)}`);
  }
  const etag = response.headers.get('etag');
  if (!etag) throw new Error('availability sanity check failed: the reply has no ETag');
  return { slots: slots.length, responseBytes: Buffer.byteLength(text), etag };
}

/**
 * Every booking request is a distinct (host, slot): request i books host i % 200 at
 * firstDay 00:00Z + floor(i / 200) × 15 min, so no two requests ever compete for a slot.
 */
export class UniqueBookings {
  private next = 0;

  constructor(
    private readonly meetingTypeIds: readonly string[],
    private readonly firstDayStartMs: number,
  ) {}

  get issued(): number {
    return this.next;
  }

  nextBody(): string {
    const i = this.next++;
    const meetingTypeId = this.meetingTypeIds[i % this.meetingTypeIds.length];
    const start = new Date(this.firstDayStartMs + Math.floor(i / this.meetingTypeIds.length) * SLOT_MS).toISOString();
    return JSON.stringify({ meetingTypeId, start, name: `Bench invitee ${i}`, email: `invitee-${i}@example.test`, timezone: 'UTC' });
  }

  target(baseUrl: string): LoadTarget {
    return {
      url: `${baseUrl}/api/v1/bookings`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      nextBody: () => this.nextBody(),
    };
  }
}

export async function checkBooking(baseUrl: string, bookingsSource: UniqueBookings): Promise<void> {
  const target = bookingsSource.target(baseUrl);
  const response = await fetch(target.url, {
    method: 'POST',
    headers: target.headers,
    body: bookingsSource.nextBody(),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 201) {
    throw new Error(`booking sanity check failed: HTTP ${response.status}, expected 201:\n${(await response.text()).slice(0, 2_000)}`);
  }
}
