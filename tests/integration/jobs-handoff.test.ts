import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { emailNotifications, outbox } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { receiveFromServer } from '@/inngest/worker-channel';
import type { DispatchedEvent } from '@/lib/jobs/events';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink, sendRequest } from '@/lib/jobs/event-sink';
import { bumpHostVersion, readHostVersion } from '@/lib/cache/host-version';
import { createMemoryStore } from '@/lib/cache/memory-store';
import { cacheCallSchema, createRemoteStore, runCacheCall } from '@/lib/cache/remote-store';
import { installJobsHandoff, type JobsHandoff } from '@/lib/jobs/handoff';
import { metricsText } from '@/lib/metrics/registry';
import { createBookableHost, inviteeFor } from '../factories';
import { book } from './api';
import { isolatedDatabase } from './isolated-database';
import { parsePrometheusText } from './prometheus-text';

// JOBS=inline with a jobs worker (lib/jobs/handoff.ts): the server process hands committed outbox ids
// and requests over instead of running jobs, and the worker's side (inngest/worker-channel.ts) runs
// them. The two processes and their IPC channel are tested in tests/e2e/jobs-worker.test.ts; here,
// each side on its own, in one process.

const { database } = isolatedDatabase('rendezvous_handoff');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

afterEach(async () => {
  installJobsHandoff(undefined);
  await settleDispatches();
  installEventSink(undefined);
});

function recordingHandoff() {
  const committed: string[] = [];
  const requests: DispatchedEvent[] = [];
  const handoff: JobsHandoff = {
    committed: (ids) => void committed.push(...ids),
    request: (event) => void requests.push(event),
    workerMetrics: () => Promise.resolve(null),
  };
  return { handoff, committed, requests };
}

async function outboxRowFor(bookingId: string) {
  const [row] = await database().select().from(outbox).where(sql`${outbox.payload}->>'bookingId' = ${bookingId}`);
  return row!;
}

describe('the server side: work is handed over, not run', () => {
  it('hands a booking’s committed outbox id to the worker and leaves the row unclaimed, even with a sink installed', async () => {
    installEventSink(inlineSink);
    const { handoff, committed } = recordingHandoff();
    installJobsHandoff(handoff);
    const { meetingType } = await createBookableHost(database());
    const { status, body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    expect(status).toBe(201);
    await settleDispatches();
    const row = await outboxRowFor(body.booking.id);
    expect(committed).toEqual([row.id]);
    expect(row).toMatchObject({ dispatchedAt: null, claimedUntil: null, attempts: 0 });
    expect(await database().$count(emailNotifications, eq(emailNotifications.bookingId, body.booking.id))).toBe(0);
  });

  it('sends a request (sendRequest) to the worker with its payload checked', async () => {
    const { handoff, requests } = recordingHandoff();
    installJobsHandoff(handoff);
    const endpointId = randomUUID();
    await sendRequest('webhook/delivery-requested', { endpointId });
    expect(requests.map((event) => [event.name, event.data])).toEqual([['webhook/delivery-requested', { endpointId }]]);
    await expect(sendRequest('webhook/delivery-requested', { endpointId: 'not-a-uuid' })).rejects.toThrow();
    expect(requests).toHaveLength(1);
  });
});

describe('the worker side: messages from the server', () => {
  it('runs the jobs of handed-over ids: the confirmation emails are recorded and the row marked dispatched', async () => {
    const { meetingType } = await createBookableHost(database());
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const row = await outboxRowFor(body.booking.id);
    expect(row.dispatchedAt).toBeNull();

    installEventSink(inlineSink);
    receiveFromServer({ kind: 'committed', ids: [row.id] });
    await settleDispatches();
    expect((await outboxRowFor(body.booking.id)).dispatchedAt).not.toBeNull();
    const mail = await database().select().from(emailNotifications).where(eq(emailNotifications.bookingId, body.booking.id));
    expect(mail.map((notice) => notice.status)).toEqual(['captured', 'captured']);
  });

  it('refuses malformed messages without throwing or running anything', async () => {
    const { meetingType } = await createBookableHost(database());
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    installEventSink(inlineSink);
    for (const message of [
      null,
      'committed',
      { kind: 'committed', ids: ['not-a-uuid'] },
      { kind: 'committed', ids: [] },
      { kind: 'request', event: { id: 'x', name: 'no/such-event', data: {}, ts: 0 } },
      { kind: 'request', event: { id: 'x', name: 'webhook/delivery-requested', data: { endpointId: 42 }, ts: 0 } },
      { kind: 'shutdown' },
    ]) {
      expect(() => receiveFromServer(message)).not.toThrow();
    }
    await settleDispatches();
    expect((await outboxRowFor(body.booking.id)).dispatchedAt).toBeNull();
  });
});

describe('the worker’s cache: the server’s memory store, over the channel', () => {
  it('bumps the version the server reads, shares its locks, and refuses malformed calls', async () => {
    const serverStore = createMemoryStore();
    // As over IPC: JSON both ways, the call checked where it arrives.
    const worker = createRemoteStore(async (call) => {
      const value = await runCacheCall(serverStore, cacheCallSchema.parse(JSON.parse(JSON.stringify(call))));
      return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    });
    const host = randomUUID();
    const before = await readHostVersion(serverStore, host);
    await bumpHostVersion(worker, host);
    expect(await readHostVersion(serverStore, host)).toBeGreaterThan(before);
    expect(await readHostVersion(worker, host)).toBe(await readHostVersion(serverStore, host));

    expect(await serverStore.acquireLock('lock:host', 'server', 10_000)).toBe(true);
    expect(await worker.acquireLock('lock:host', 'worker', 10_000)).toBe(false);
    await serverStore.releaseLock('lock:host', 'server');
    expect(await worker.acquireLock('lock:host', 'worker', 10_000)).toBe(true);

    await worker.setJson('slots:x', { slots: [1, 2] }, 60);
    expect(await serverStore.getJson('slots:x')).toEqual({ slots: [1, 2] });
    expect(await worker.addToWindow('window:x', 2, 60_000)).toMatchObject({ count: 2 });

    for (const call of [{ method: 'flushAll', args: [] }, { method: 'getJson', args: [''] }, { method: 'acquireLock', args: ['k', 'token', -1] }]) {
      expect(cacheCallSchema.safeParse(call).success, JSON.stringify(call)).toBe(false);
    }
  });
});

describe('metrics of both processes', () => {
  it('adds the worker’s counters to the server’s in one scrape', async () => {
    const workerRegistry = new Registry();
    const failed = new Counter({ name: 'rendezvous_jobs_failed_total', help: 'x', labelNames: ['job'], registers: [workerRegistry] });
    failed.labels('handoff-test-job').inc(3);
    const own = parsePrometheusText(await metricsText());
    const merged = parsePrometheusText(await metricsText([await workerRegistry.getMetricsAsJSON()]));
    expect(own.get('rendezvous_jobs_failed_total{job="handoff-test-job"}')).toBeUndefined();
    expect(merged.get('rendezvous_jobs_failed_total{job="handoff-test-job"}')).toBe(3);
    // Every series of the server's is still there, its process metrics its own.
    for (const series of own.keys()) expect(merged.has(series), series).toBe(true);
    expect(merged.get('process_start_time_seconds')).toBe(own.get('process_start_time_seconds'));
  });
});
