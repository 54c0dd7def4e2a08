import { InngestTestEngine } from '@inngest/test';
import { Inngest } from 'inngest';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bookings, emailNotifications } from '@/db/schema';
import { inngestFunctions } from '@/inngest/inngest-functions';
import { startGoogleFake, type GoogleFake } from '../fakes/google/google-fake';
import { createBookableHost, inviteeFor } from '../factories';
import { book } from './api';
import { busyRows, connect, recordSyncRequests, useProviderFake } from './calendar-helpers';
import { connectTestDatabase } from './db-helpers';

// The calendar work as Inngest functions (run with @inngest/test): sync with one run per connection
// at a time and a per-provider throttle, the poll cron, and write-back on booking events.

const database = connectTestDatabase();
let fake: GoogleFake;
let requested: string[];
const fn = (id: string) => {
  const found = inngestFunctions(new Inngest({ id: 'rendezvous-test', isDev: true })).find((f) => f.opts.id === id);
  if (!found) throw new Error(`no function ${id}`);
  return found;
};

beforeEach(async () => {
  fake = await startGoogleFake();
  useProviderFake('google', fake);
  requested = recordSyncRequests();
});
afterEach(() => fake.close().catch(() => undefined));

/** A booking of a host with Google connected and video links on, and its booking/confirmed event. */
async function bookedWithVideo(start: string) {
  const { host, meetingType } = await createBookableHost(database, { addVideoLink: true });
  await connect(database, 'google', host.id);
  const { body } = await book(inviteeFor(meetingType.id, start));
  const booking = body.booking as { id: string; start: string; end: string };
  const event = { id: `evt-${booking.id}`, name: 'booking/confirmed' as const, data: { bookingId: booking.id, hostUserId: host.id, meetingTypeId: meetingType.id, start: booking.start, end: booking.end } };
  return { booking, event };
}

describe('calendar functions on Inngest', () => {
  it('calendar-sync runs one at a time per connection, throttled per provider, and syncs', async () => {
    const sync = fn('calendar-sync');
    expect(sync.opts.concurrency).toEqual({ key: 'event.data.connectionId', limit: 1 });
    expect(sync.opts.throttle).toMatchObject({ key: 'event.data.provider' });
    const { host } = await createBookableHost(database);
    await fake.addEvent({ start: { dateTime: '2027-01-11T15:00:00Z' }, end: { dateTime: '2027-01-11T16:00:00Z' } });
    const connectionId = await connect(database, 'google', host.id);
    const t = new InngestTestEngine({ function: sync, events: [{ name: 'calendar/sync-requested', data: { connectionId, provider: 'google' } }] });
    const { result } = await t.execute();
    expect(result).toBe('synced');
    expect(await busyRows(database, connectionId)).toHaveLength(1);
  });

  it('calendar-poll asks for a sync of connections never synced', async () => {
    const { host } = await createBookableHost(database);
    const connectionId = await connect(database, 'google', host.id);
    const t = new InngestTestEngine({ function: fn('calendar-poll'), events: [{ name: 'inngest/scheduled.timer', data: {} }] });
    await t.execute();
    expect(requested).toContain(connectionId);
  });

  it('booking-confirmation writes the calendar event before either email, so both carry the Meet link', async () => {
    const { booking, event } = await bookedWithVideo('2027-01-11T15:00:00.000Z');
    const { result, ctx } = await new InngestTestEngine({ function: fn('booking-confirmation'), events: [event] }).execute();
    expect(result).toEqual({ calendar: 'created', invitee: 'captured', host: 'captured' });
    const steps = vi.mocked(ctx.step.run).mock.calls.map(([id]) => (typeof id === 'string' ? id : id.id));
    expect(steps).toEqual(['write-calendar-event', 'email-invitee', 'email-host']);
    expect(fake.store.live(fake.store.accountEmail)).toHaveLength(1);
    const [row] = await database.select({ joinUrl: bookings.calendarJoinUrl }).from(bookings).where(eq(bookings.id, booking.id));
    expect(row?.joinUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    const mails = await database.select({ text: emailNotifications.textBody }).from(emailNotifications).where(eq(emailNotifications.bookingId, booking.id));
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(mail.text).toContain(row!.joinUrl!);
  });

  it('booking-confirmation still emails when the provider is down, then retries the write as its own step', async () => {
    const { booking, event } = await bookedWithVideo('2027-01-11T17:00:00.000Z');
    await fake.close(); // the provider is unreachable
    const { ctx, error } = await new InngestTestEngine({ function: fn('booking-confirmation'), events: [event] }).execute();
    const steps = vi.mocked(ctx.step.run).mock.calls.map(([id]) => (typeof id === 'string' ? id : id.id));
    expect(steps).toEqual(['write-calendar-event', 'email-invitee', 'email-host', 'retry-calendar-event']);
    expect(error).toBeDefined(); // the retry step fails for now; Inngest tries it again later
    const mails = await database.select({ status: emailNotifications.status }).from(emailNotifications).where(eq(emailNotifications.bookingId, booking.id));
    expect(mails.map((mail) => mail.status).sort()).toEqual(['captured', 'captured']);
  });

  it('calendar-write-back moves and deletes (cancel, reschedule); creating is the confirmation’s first step', () => {
    expect(fn('calendar-write-back').opts.triggers).toEqual([expect.objectContaining({ event: 'booking/cancelled' }), expect.objectContaining({ event: 'booking/rescheduled' })]);
  });

  it('the scheduled jobs are Inngest crons', () => {
    for (const id of ['outbox-sweep', 'calendar-poll']) expect(fn(id).opts.triggers).toEqual([{ cron: '* * * * *' }]);
  });
});
