import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '@/db/schema';
import { GET as getMetrics } from '@/app/api/metrics/route';
import { cacheStore } from '@/lib/cache';
import { runConnectionSync } from '@/lib/calendars/sync-connection';
import { dispatchOutboxRows } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { writeOutboxEvent } from '@/lib/jobs/outbox';
import { countWebhookDelivery } from '@/lib/metrics/counters';
import { runScheduledJob } from '@/inngest/inline-runner';
import { createBookableHost, inviteeFor } from '../factories';
import { book, fetchAvailability, lookupBooking, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';
import { setTestEnv } from './env';
import { parsePrometheusText } from './prometheus-text';

const database = connectTestDatabase();
const token = randomBytes(32).toString('hex');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

async function scrape(authorization: string | null = `Bearer ${token}`): Promise<Response> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  return getMetrics(new Request('http://rendezvous.test/api/metrics', { headers }), { params: Promise.resolve({}) });
}

async function samples(): Promise<Map<string, number>> {
  const response = await scrape();
  expect(response.status).toBe(200);
  return parsePrometheusText(await response.text());
}

/** How much each series moved between two scrapes (absent before = 0). */
function moved(before: Map<string, number>, after: Map<string, number>, series: string): number {
  return (after.get(series) ?? 0) - (before.get(series) ?? 0);
}

describe('GET /api/metrics', () => {
  beforeAll(() => setTestEnv({ METRICS_TOKEN: token }));
  afterAll(() => setTestEnv({ METRICS_TOKEN: undefined }));

  it('answers 404 while METRICS_TOKEN is unset, as if there were no such route', async () => {
    setTestEnv({ METRICS_TOKEN: undefined });
    try {
      const response = await scrape();
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    } finally {
      setTestEnv({ METRICS_TOKEN: token });
    }
  });

  it('refuses a scrape without the token, or with another one, with 401 in the one error shape', async () => {
    for (const authorization of [null, `Bearer ${'x'.repeat(64)}`, `Basic ${token}`, token]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('answers any other Authorization header with 401, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (header) => {
        const sendable = header.trim().length > 0 && /^[\t\x20-\x7e]*$/.test(header);
        fc.pre(sendable && header !== `Bearer ${token}`);
        expect((await scrape(header)).status).toBe(401);
      }),
      { numRuns: 100 },
    );
  });

  it('serves Prometheus text with the token: every line parses, and the process metrics are there', async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const parsed = parsePrometheusText(text);
    expect(text).toContain('# TYPE rendezvous_http_request_duration_seconds histogram');
    expect(parsed.get('rendezvous_booking_conflicts_total{reason="busy"}')).toBeGreaterThanOrEqual(0);
    expect(parsed.get('process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts a booking, a refused one, and the slot cache’s misses then hits', async () => {
    const { meetingType } = await createBookableHost(database);
    const query = { meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11', timezone: 'America/New_York' };
    const before = await samples();

    expect((await fetchAvailability(query)).status).toBe(200); // cold: both layers miss
    expect((await fetchAvailability(query)).status).toBe(200); // warm: this process's reply cache
    const first = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect(first.status).toBe(201);
    const second = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect(second.status).toBe(409);
    expect((await lookupBooking(first.body.booking.id, tokenOf(first.body.booking.cancelUrl))).status).toBe(200);

    const after = await samples();
    expect(moved(before, after, 'rendezvous_bookings_created_total{via="book"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_booking_conflicts_total{reason="busy"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_slot_cache_requests_total{layer="reply",result="miss"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_slot_cache_requests_total{layer="reply",result="hit"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_slot_cache_requests_total{layer="shared",result="miss"}')).toBe(1);
    // Durations by route pattern, never the raw path with its id.
    expect(moved(before, after, 'rendezvous_http_request_duration_seconds_count{route="/api/v1/availability",method="GET",status_class="2xx"}')).toBe(2);
    expect(moved(before, after, 'rendezvous_http_request_duration_seconds_count{route="/api/v1/bookings",method="POST",status_class="4xx"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_http_request_duration_seconds_count{route="/api/v1/bookings/[id]",method="GET",status_class="2xx"}')).toBe(1);
    expect([...after.keys()].some((series) => series.includes(first.body.booking.id))).toBe(false);
    // The booking's event waits in the outbox (no job runner here): the backlog is measured at scrape time.
    expect(after.get('rendezvous_outbox_pending_events')).toBeGreaterThanOrEqual(1);
    expect(after.get('rendezvous_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('counts failed jobs, undelivered outbox events, calendar syncs and webhook deliveries', async () => {
    const before = await samples();

    await expect(runScheduledJob({ id: 'metrics-test-job', name: 'fails', cron: '* * * * *', retries: 0, handler: () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom');
    installEventSink({ deliver: () => Promise.reject(new Error('queue unreachable')) });
    try {
      const id = await database.transaction((tx) => writeOutboxEvent(tx, 'account/email-requested', { tokenId: randomUUID() }));
      expect(await dispatchOutboxRows(database, [id])).toBe(0);
      await database.delete(outbox).where(eq(outbox.id, id));
    } finally {
      installEventSink(undefined);
    }
    expect((await runConnectionSync({ database, store: cacheStore() }, randomUUID())).outcome).toBe('skipped');
    countWebhookDelivery('delivered');

    const after = await samples();
    expect(moved(before, after, 'rendezvous_jobs_failed_total{job="metrics-test-job"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_outbox_dispatch_failures_total{event="account/email-requested"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_calendar_syncs_total{outcome="skipped"}')).toBe(1);
    expect(moved(before, after, 'rendezvous_webhook_deliveries_total{outcome="delivered"}')).toBe(1);
  });
});
