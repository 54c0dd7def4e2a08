import { InngestTestEngine } from '@inngest/test';
import { Inngest } from 'inngest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
afterEach(() => fake.close());

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

  it('calendar-write-back creates the event on booking/confirmed', async () => {
    const { host, meetingType } = await createBookableHost(database);
    await connect(database, 'google', host.id);
    const { body } = await book(inviteeFor(meetingType.id, '2027-01-11T15:00:00.000Z'));
    const booking = body.booking;
    const event = { id: `evt-${booking.id}`, name: 'booking/confirmed' as const, data: { bookingId: booking.id, hostUserId: host.id, meetingTypeId: meetingType.id, start: booking.start, end: booking.end } };
    const { result } = await new InngestTestEngine({ function: fn('calendar-write-back'), events: [event] }).execute();
    expect(result).toBe('created');
    expect(fake.store.live(fake.store.accountEmail)).toHaveLength(1);
  });
});
