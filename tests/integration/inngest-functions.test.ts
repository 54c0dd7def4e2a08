import { createHmac } from 'node:crypto';
import { InngestTestEngine } from '@inngest/test';
import { eq, sql } from 'drizzle-orm';
import { Inngest } from 'inngest';
import { afterAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/inngest/route';
import { emailNotifications } from '@/db/schema';
import { resetInngestClientForTests } from '@/inngest/client';
import { jobs, scheduledJobs } from '@/inngest/functions';
import { bookingConfirmation } from '@/inngest/functions/booking-confirmation';
import { inngestFunctions } from '@/inngest/inngest-functions';
import { resetEnvForTests } from '@/lib/env';
import { createBookableHost, inviteeFor } from '../factories';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';

// The Inngest adapter: the same job handlers as Inngest functions, run with @inngest/test (sleeps
// mocked), and the serve route's signature check.

const database = connectTestDatabase();
// A fresh client and functions per test, and fresh step mocks per run: @inngest/test keeps results on them.
const fn = (id: string) => {
  const found = inngestFunctions(new Inngest({ id: 'rendezvous-test', isDev: true })).find((f) => f.opts.id === id);
  if (!found) throw new Error(`no function ${id}`);
  return found;
};
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

async function bookedEvent() {
  const { meetingType } = await createBookableHost(database);
  const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
  const booking = body.booking;
  const [row] = await database.execute<{ created_at: string }>(sql`select created_at from bookings where id = ${booking.id}`);
  return {
    booking,
    event: {
      id: `evt-${booking.id}`,
      name: 'booking/confirmed' as const,
      data: { bookingId: booking.id, hostUserId: '', meetingTypeId: booking.meetingTypeId, start: booking.start, end: booking.end },
      ts: new Date(row!.created_at).getTime(),
    },
  };
}

async function withHost(event: Awaited<ReturnType<typeof bookedEvent>>['event']) {
  const [row] = await database.execute<{ host_user_id: string }>(sql`select host_user_id from bookings where id = ${event.data.bookingId}`);
  return { ...event, data: { ...event.data, hostUserId: row!.host_user_id } };
}

// Fresh mocks per run: the engine keeps step results on the mock objects.
const sleepsMocked = () => ['reminder_24h', 'reminder_1h'].map((kind) => ({ id: `wait-${kind}`, handler: () => undefined }));

describe('booking-reminders on Inngest', () => {
  it('sleeps until 24 h and 1 h before, then reminds the invitee (the host has not opted in)', async () => {
    const { booking, event } = await bookedEvent();
    const t = new InngestTestEngine({ function: fn('booking-reminders'), events: [await withHost(event)], steps: sleepsMocked() });
    const { result, ctx } = await t.execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith('wait-reminder_24h', new Date(Date.parse(booking.start) - 24 * 3_600_000));
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith('wait-reminder_1h', new Date(Date.parse(booking.start) - 3_600_000));
    expect(result).toEqual({ reminder_24h: { invitee: 'captured', host: 'skipped' }, reminder_1h: { invitee: 'captured', host: 'skipped' } });
  });

  it('sends nothing for a booking cancelled while it slept', async () => {
    const { booking, event } = await bookedEvent();
    await database.execute(sql`update bookings set status = 'cancelled', cancelled_at = now() where id = ${booking.id}`);
    const t = new InngestTestEngine({ function: fn('booking-reminders'), events: [await withHost(event)], steps: sleepsMocked() });
    const { result } = await t.execute();
    expect(result).toEqual({ reminder_24h: { invitee: 'skipped', host: 'skipped' }, reminder_1h: { invitee: 'skipped', host: 'skipped' } });
    expect(await database.select().from(emailNotifications).where(eq(emailNotifications.bookingId, booking.id))).toEqual([]);
  });

  it('does not even wait for a reminder whose time had passed when the booking was made', async () => {
    const { booking, event } = await bookedEvent();
    // As if booked 30 minutes before the start: both reminder times were already past.
    const late = { ...(await withHost(event)), ts: Date.parse(booking.start) - 30 * 60_000 };
    const t = new InngestTestEngine({ function: fn('booking-reminders'), events: [late], steps: sleepsMocked() });
    const { result, ctx } = await t.execute();
    expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
    expect(ctx.step.run).not.toHaveBeenCalled();
    expect(result).toEqual({});
  });

  it('is cancelled by a cancellation or a move of the same booking', () => {
    const config = fn('booking-reminders').opts.cancelOn;
    expect(config).toEqual([
      { event: 'booking/cancelled', if: 'async.data.bookingId == event.data.bookingId' },
      { event: 'booking/rescheduled', if: 'async.data.previousBookingId == event.data.bookingId' },
    ]);
  });
});

describe('booking-confirmation on Inngest', () => {
  it('emails the invitee and the host in two steps', async () => {
    const { event } = await bookedEvent();
    const t = new InngestTestEngine({ function: fn('booking-confirmation'), events: [await withHost(event)] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ calendar: 'no_calendar', invitee: 'captured', host: 'captured' });
    expect(ctx.step.run).toHaveBeenCalledWith('email-invitee', expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith('email-host', expect.any(Function));
  });
});

describe('when a job gives up on Inngest', () => {
  it('records the booking\'s emails still pending as failed instead of leaving them pending for ever', async () => {
    const { booking, event } = await bookedEvent();
    await database.insert(emailNotifications).values({ bookingId: booking.id, recipientEmail: 'stuck@example.test', notificationType: 'confirmation', subject: 'Stuck', status: 'pending', attempts: 9 });
    await bookingConfirmation.onFailure!(await withHost(event), new Error('Resend 500 application_error'));
    const rows = await database.select().from(emailNotifications).where(eq(emailNotifications.recipientEmail, 'stuck@example.test'));
    expect(rows).toMatchObject([{ status: 'failed', error: 'gave up: Resend 500 application_error' }]);
    expect(fn('booking-confirmation').opts.onFailure).toBeTypeOf('function');
  });
});

describe('POST/GET /api/inngest', () => {
  const signingKey = `signkey-test-${'ab'.repeat(32)}`;
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    resetEnvForTests();
    resetInngestClientForTests();
  });

  function useInngestMode() {
    process.env.JOBS = 'inngest';
    process.env.INNGEST_SIGNING_KEY = signingKey;
    process.env.INNGEST_EVENT_KEY = 'test-event-key';
    delete process.env.INNGEST_DEV;
    resetEnvForTests();
    resetInngestClientForTests();
  }

  const sign = (body: string, key = signingKey, ts = Math.floor(Date.now() / 1000)) =>
    `t=${ts}&s=${createHmac('sha256', key.replace(/^signkey-\w+-/, '')).update(body + ts).digest('hex')}`;
  const context = { params: Promise.resolve({}) };

  it('answers a correctly signed request as authenticated', async () => {
    useInngestMode();
    const response = await GET(new Request('http://rendezvous.test/api/inngest', { headers: { 'x-inngest-signature': sign('') } }), context);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { authentication_succeeded?: boolean; function_count: number; mode: string };
    expect(body.mode).toBe('cloud');
    expect(body.authentication_succeeded).toBe(true);
    // Every job, every scheduled job (the outbox sweeper, the calendar poll), and one failure handler
    // per job that has one (Inngest registers those apart).
    expect(body.function_count).toBe(jobs.length + scheduledJobs.length + jobs.filter((job) => job.onFailure).length);
  });

  it('rejects a badly signed request: 401 on execution, no details on introspection', async () => {
    useInngestMode();
    const payload = JSON.stringify({ event: { name: 'booking/confirmed', data: {} }, events: [], steps: {}, ctx: { run_id: 'x', attempt: 0 } });
    const forged = sign(payload, `signkey-test-${'cd'.repeat(32)}`);
    const run = await POST(
      new Request('http://rendezvous.test/api/inngest?fnId=rendezvous-booking-confirmation&stepId=step', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-inngest-signature': forged },
        body: payload,
      }),
      context,
    );
    expect(run.status).toBe(401);
    const look = await GET(new Request('http://rendezvous.test/api/inngest', { headers: { 'x-inngest-signature': sign('', `signkey-test-${'cd'.repeat(32)}`) } }), context);
    const introspection = (await look.json()) as { authentication_succeeded?: boolean; app_id?: string };
    expect(introspection.authentication_succeeded).not.toBe(true);
    expect(introspection.app_id).toBeUndefined();
  });

  it('serves nothing when jobs run inline', async () => {
    process.env.JOBS = 'inline';
    resetEnvForTests();
    const response = await GET(new Request('http://rendezvous.test/api/inngest'), context);
    expect(response.status).toBe(404);
  });
});
