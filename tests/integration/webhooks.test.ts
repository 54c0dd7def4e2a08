import { spawn } from 'node:child_process';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '@/db/client';
import { bookings, emailNotifications, meetingTypes, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { deleteHostAccount } from '@/lib/accounts/delete-account';
import { settleBackgroundRuns } from '@/inngest/inline-background';
import { cacheStore } from '@/lib/cache';
import { requireDatabaseUrl } from '@/lib/env';
import { hostContext } from '@/lib/hosts/host-write';
import { updateMeetingType } from '@/lib/hosts/meeting-types/update';
import { settleDispatches, sweepOutbox } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { deliverDueForEndpoint } from '@/lib/webhooks/deliver';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints/create';
import { listWebhookDeliveries } from '@/lib/webhooks/endpoints/delivery-log';
import { listWebhookEndpoints } from '@/lib/webhooks/endpoints/list';
import { rotateWebhookSecret } from '@/lib/webhooks/endpoints/rotate-secret';
import { resendWebhookDelivery, sendWebhookTestEvent } from '@/lib/webhooks/endpoints/send-now';
import { type WebhookEndpointInput } from '@/lib/webhooks/endpoints/schemas';
import { startWebhookReceiver, type WebhookReceiver } from '../fakes/webhook-receiver';
import { createBookableHost, inviteeFor, uniqueSuffix } from '../factories';
import { book } from './api';
import { setTestEnv } from './env';
import { isolatedDatabase } from './isolated-database';

// Webhooks against a local receiver that verifies every request with the `standardwebhooks` package:
// fan-out from the outbox, retries under one webhook-id, 410, a kill between commit and dispatch, the
// delivery log, and the address guard at save and at send.

const { database } = isolatedDatabase('rendezvous_webhooks');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  setTestEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: '1' });
  installEventSink(inlineSink);
});
afterEach(async () => {
  await settleDispatches();
  await settleBackgroundRuns({ retries: true });
  installEventSink(undefined);
});

const ctxFor = (hostUserId: string) => hostContext({ database: database(), store: cacheStore() }, hostUserId);

/** A bookable host with an endpoint at a fresh receiver path that the receiver trusts. */
async function hostWithEndpoint(events: WebhookEndpointInput['events'] = ['booking.created']) {
  const { host, meetingType } = await createBookableHost(database());
  const hookPath = `/hooks/${uniqueSuffix()}`;
  const { endpoint, secret } = await createWebhookEndpoint(ctxFor(host.id), { url: `${receiver.origin}${hookPath}`, events });
  receiver.trust(hookPath, secret);
  return { host, meetingType, endpoint, secret, hookPath };
}

async function attemptsOf(deliveryId: string) {
  return database().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(webhookAttempts.attemptNumber);
}

async function settleAll() {
  await settleDispatches();
  await settleBackgroundRuns({ retries: true });
}

describe('webhook endpoints', () => {
  it('shows a whsec_ secret once, stores it sealed, and lists the endpoint without it', async () => {
    const { host, endpoint, secret } = await hostWithEndpoint();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [stored] = await database().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored!.secretEncrypted).not.toContain(secret.slice(6));
    const listed = await listWebhookEndpoints(ctxFor(host.id));
    expect(listed).toEqual([expect.objectContaining({ id: endpoint.id, events: ['booking.created'], enabled: true })]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    const rotated = await rotateWebhookSecret(ctxFor(host.id), { id: endpoint.id });
    expect(rotated.secret).not.toBe(secret);
  });

  it.each([
    ['http://hooks.example.com/in', /https/],
    ['https://127.0.0.1/in', /private or not reachable/],
    ['https://10.1.2.3/in', /private or not reachable/],
    ['https://169.254.169.254/latest/meta-data/', /private or not reachable/],
    ['https://[::1]/in', /private or not reachable/],
    ['https://localhost/in', /private or not reachable/],
    ['https://user:pass@hooks.example.com/in', /user name/],
    ['not a url', /not a valid URL/],
  ])('refuses %s at save with a field error on url', async (url, message) => {
    setTestEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: undefined });
    const { host } = await createBookableHost(database());
    const refusal = await createWebhookEndpoint(ctxFor(host.id), { url, events: ['booking.created'] }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'invalid_request', details: { fieldErrors: { url: expect.stringMatching(message) } } });
  });

  it('refuses at send an endpoint that became private: one attempt, logged, retry scheduled', async () => {
    const { host, endpoint } = await hostWithEndpoint();
    setTestEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: undefined });
    installEventSink(undefined);
    const { deliveryId } = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    await deliverDueForEndpoint(database(), endpoint.id);
    const [attempt] = await attemptsOf(deliveryId);
    expect(attempt).toMatchObject({ statusCode: null, error: expect.stringMatching(/^Refused: /) });
    const [delivery] = await database().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('deleting the account deletes its endpoints before its bookings are cancelled', async () => {
    const { host, meetingType, endpoint, hookPath } = await hostWithEndpoint(['booking.cancelled']);
    await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await settleAll();
    await deleteHostAccount(ctxFor(host.id), { confirmUsername: host.username! });
    await settleAll();
    expect(await database().$count(webhookEndpoints, eq(webhookEndpoints.id, endpoint.id))).toBe(0);
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(0);
  });

  it('answers another host’s endpoint and delivery ids as not found', async () => {
    const { endpoint, host } = await hostWithEndpoint();
    const { host: stranger } = await createBookableHost(database());
    const { deliveryId } = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    await expect(sendWebhookTestEvent(ctxFor(stranger.id), { id: endpoint.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listWebhookDeliveries(ctxFor(stranger.id), { id: endpoint.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(resendWebhookDelivery(ctxFor(stranger.id), { deliveryId })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('webhook delivery', () => {
  it('delivers a booking once, signed, with the host’s view; 500 then 200 keeps the same webhook-id; the log shows both attempts', async () => {
    const { host, meetingType, endpoint, hookPath } = await hostWithEndpoint();
    await database()
      .update(meetingTypes)
      .set({ bookingQuestions: [{ id: 'topic', type: 'short_text', label: 'What should we cover?', required: true }] })
      .where(eq(meetingTypes.id, meetingType.id));
    receiver.script(hookPath, 500, 200);
    const { status, body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { tracking: { utm_source: 'newsletter' }, answers: { topic: 'Pricing' } }));
    expect(status).toBe(201);
    const [first, second] = await receiver.waitFor(hookPath, 2, 20_000);
    expect(first!.verified && second!.verified).toBe(true);
    expect(second!.id).toBe(first!.id);
    expect(first!.id).toMatch(/^msg_/);
    expect(first!.body).toEqual(second!.body);
    expect(first!.body.type).toBe('booking.created');
    const data = first!.body.data as { booking: Record<string, unknown> };
    expect(data.booking).toMatchObject({
      id: body.booking.id,
      status: 'confirmed',
      start: MONDAY_10AM_NY,
      hostTimeZone: 'America/New_York',
      invitee: expect.objectContaining({ timeZone: 'Europe/Berlin' }),
      meetingType: { id: meetingType.id, name: meetingType.name },
      tracking: { utm_source: 'newsletter' },
      answers: [{ questionId: 'topic', label: 'What should we cover?', type: 'short_text', value: 'Pricing' }],
      seat: null,
      hostUrl: expect.stringMatching(new RegExp(`/dashboard/bookings/${body.booking.id}$`)),
    });
    expect(JSON.stringify(first!.body)).not.toMatch(/token/i);
    await settleAll();

    const log = await listWebhookDeliveries(ctxFor(host.id), { id: endpoint.id });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: first!.id, status: 'succeeded', attempts: 2, eventType: 'booking.created' });
    expect(log[0]!.attemptLog.map((entry) => [entry.attemptNumber, entry.statusCode])).toEqual([[1, 500], [2, 200]]);
    expect(Buffer.byteLength(log[0]!.attemptLog[0]!.responseExcerpt!)).toBeLessThanOrEqual(1024);
    expect(log[0]!.attemptLog[0]!.responseExcerpt).toMatch(/^error 500 x+$/);
    // A second fan-out of the same outbox event (at least once) records nothing new.
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(2);
  }, 30_000);

  it('a 410 turns the endpoint off: nothing more is recorded or sent to it', async () => {
    const { meetingType, endpoint, hookPath } = await hostWithEndpoint();
    receiver.script(hookPath, 410);
    await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await receiver.waitFor(hookPath, 1);
    await settleAll();
    const [stored] = await database().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored).toMatchObject({ enabled: false, disabledReason: 'gone' });
    const [delivery] = await database().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });

    await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z'));
    await settleAll();
    expect(await database().$count(webhookDeliveries, eq(webhookDeliveries.endpointId, endpoint.id))).toBe(1);
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(1);
  });

  it('a redirect or a closed socket costs one bounded attempt and schedules a retry', async () => {
    const { host, endpoint, hookPath } = await hostWithEndpoint();
    installEventSink(undefined);
    receiver.script(hookPath, 'redirect', 'close');
    const first = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    await deliverDueForEndpoint(database(), endpoint.id);
    const second = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    const run = await deliverDueForEndpoint(database(), endpoint.id);
    expect(run.attempted).toBe(1);
    expect((await attemptsOf(first.deliveryId))[0]).toMatchObject({ statusCode: 302, error: expect.stringMatching(/not followed/) });
    expect((await attemptsOf(second.deliveryId))[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/closed the connection|socket hang up/) });
    const pending = await database().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    for (const delivery of pending) {
      expect(delivery.status).toBe('pending');
      expect(delivery.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(3_000);
    }
    // Nothing followed the redirect to 10.0.0.1: the receiver saw exactly the two requests.
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(2);
  });

  it('a receiver that hangs costs one attempt of 10 s, logged, and a scheduled retry', async () => {
    const { host, endpoint, hookPath } = await hostWithEndpoint();
    installEventSink(undefined);
    receiver.script(hookPath, 'hang');
    const { deliveryId } = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    const started = Date.now();
    await deliverDueForEndpoint(database(), endpoint.id);
    expect(Date.now() - started).toBeLessThan(12_000);
    const [attempt] = await attemptsOf(deliveryId);
    expect(attempt).toMatchObject({ statusCode: null, error: 'No answer within 10 s' });
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(9_900);
    const [delivery] = await database().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
  }, 20_000);

  it('a kill between commit and dispatch still delivers, once, after the sweep', async () => {
    const { meetingType, hookPath } = await hostWithEndpoint();
    const email = `killed-${uniqueSuffix()}@example.test`;
    const child = spawn(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['tests/integration/fixtures/book-then-die.ts', meetingType.id, MONDAY_10AM_NY, email], {
      env: { ...process.env, DATABASE_URL: requireDatabaseUrl() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    expect(exit.signal === 'SIGKILL' || exit.code === 137).toBe(true);
    const [booking] = await database().select().from(bookings).where(eq(bookings.inviteeEmail, email));
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(0);

    await sweepOutbox(database(), { graceMs: 0, now: new Date(Date.now() + 6 * 60_000) });
    const [delivered] = await receiver.waitFor(hookPath, 1);
    await settleAll();
    expect(delivered!.verified).toBe(true);
    expect((delivered!.body.data as { booking: { id: string } }).booking.id).toBe(booking!.id);
    // A second sweep finds the outbox row dispatched and the delivery done: nothing is sent twice.
    await sweepOutbox(database(), { graceMs: 0, now: new Date(Date.now() + 12 * 60_000) });
    await settleAll();
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(1);
  }, 60_000);

  it('sends meeting type changes to endpoints that asked for them, and not booking events', async () => {
    const { host, meetingType, hookPath } = await hostWithEndpoint(['meeting_type.updated']);
    await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    await updateMeetingType(ctxFor(host.id), { id: meetingType.id, fields: { name: 'Renamed call', slug: meetingType.slug, durationMinutes: 45 } as never });
    const [received] = await receiver.waitFor(hookPath, 1);
    await settleAll();
    expect(received!.body).toMatchObject({ type: 'meeting_type.updated', data: { meetingType: { id: meetingType.id, name: 'Renamed call', durationMinutes: 45, deleted: false } } });
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(1);
  });

  it('a test event and a resend reach the receiver; the resend keeps its webhook-id', async () => {
    const { host, endpoint, hookPath } = await hostWithEndpoint();
    const { deliveryId } = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    const [test] = await receiver.waitFor(hookPath, 1);
    expect(test).toMatchObject({ id: deliveryId, verified: true, body: { type: 'webhook.test' } });
    await settleAll();
    await resendWebhookDelivery(ctxFor(host.id), { deliveryId });
    const [, again] = await receiver.waitFor(hookPath, 2);
    expect(again).toMatchObject({ id: deliveryId, verified: true });
    await settleAll();
    expect((await attemptsOf(deliveryId)).map((entry) => entry.statusCode)).toEqual([200, 200]);
  });

  it('sends a delivery to a healthy endpoint in 3 statements: the endpoint, the claim, and the attempt with the outcome in one', async () => {
    const { host, endpoint, hookPath } = await hostWithEndpoint();
    installEventSink(undefined);
    const { deliveryId } = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    const sent: string[] = [];
    const counted = createDatabase(requireDatabaseUrl(), { max: 1, onQuery: (text) => sent.push(text) });
    try {
      expect((await deliverDueForEndpoint(counted, endpoint.id)).succeeded).toBe(1);
    } finally {
      await counted.close();
    }
    const statements = sent.filter((text) => !/pg_catalog|pg_type/.test(text));
    expect(statements, statements.join('\n')).toHaveLength(3);
    expect(statements.some((text) => /^\s*(begin|commit)/i.test(text))).toBe(false);
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(1);
    expect((await attemptsOf(deliveryId)).map((entry) => [entry.attemptNumber, entry.statusCode])).toEqual([[1, 200]]);
    const [delivery] = await database().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, nextAttemptAt: null });
  });

  it('refuses a resend while an attempt of that delivery is in flight, and accepts it once the attempt is logged', async () => {
    const { host, endpoint, hookPath } = await hostWithEndpoint();
    installEventSink(undefined);
    receiver.script(hookPath, 'slow');
    const { deliveryId } = await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    const running = deliverDueForEndpoint(database(), endpoint.id);
    await receiver.waitFor(hookPath, 1);
    const refusal = await resendWebhookDelivery(ctxFor(host.id), { deliveryId }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'conflict', message: expect.stringMatching(/being sent right now/) });
    // A second runner finds nothing due either: the attempt is sent once.
    expect((await deliverDueForEndpoint(database(), endpoint.id)).attempted).toBe(0);
    expect((await running).succeeded).toBe(1);
    expect(receiver.received.filter((entry) => entry.path === hookPath)).toHaveLength(1);

    // Logged now: two resends before the runner picks it up are one attempt.
    await resendWebhookDelivery(ctxFor(host.id), { deliveryId });
    await resendWebhookDelivery(ctxFor(host.id), { deliveryId });
    const [runA, runB] = await Promise.all([deliverDueForEndpoint(database(), endpoint.id), deliverDueForEndpoint(database(), endpoint.id)]);
    expect(runA.attempted + runB.attempted).toBe(1);
    const received = receiver.received.filter((entry) => entry.path === hookPath);
    expect(received.map((entry) => entry.id)).toEqual([deliveryId, deliveryId]);
    expect((await attemptsOf(deliveryId)).map((entry) => [entry.attemptNumber, entry.statusCode])).toEqual([[1, 200], [2, 200]]);
  });

  it('an endpoint failing for 3 days is turned off and its host emailed once', async () => {
    const { host, endpoint, hookPath } = await hostWithEndpoint();
    installEventSink(undefined);
    receiver.script(hookPath, 500, 500);
    await database().update(webhookEndpoints).set({ failingSince: new Date(Date.now() - 3 * 24 * 3_600_000 - 60_000) }).where(eq(webhookEndpoints.id, endpoint.id));
    await sendWebhookTestEvent(ctxFor(host.id), { id: endpoint.id });
    installEventSink(inlineSink);
    await deliverDueForEndpoint(database(), endpoint.id);
    await settleAll();
    const [stored] = await database().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored).toMatchObject({ enabled: false, disabledReason: 'failing' });
    // Turned off, so a second run sends nothing and no second email goes out.
    expect((await deliverDueForEndpoint(database(), endpoint.id)).attempted).toBe(0);
    await settleAll();
    const mails = await database()
      .select()
      .from(emailNotifications)
      .where(and(eq(emailNotifications.recipientEmail, host.email), eq(emailNotifications.notificationType, 'webhook_disabled')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toContain(stored!.url);
    expect(await database().$count(webhookDeliveries, sql`${webhookDeliveries.endpointId} = ${endpoint.id} and ${webhookDeliveries.status} = 'pending'`)).toBe(1);
  });
});
