import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailNotifications, users } from '@/db/schema';
import { resumeDueReminders, settleReminderRuns } from '@/inngest/inline-runner';
import { sendReminder } from '@/lib/notifications/send-notices';
import { createHost, createMeetingType, insertBookingRow } from '../factories';
import { isolatedDatabase } from './isolated-database';

// Inline reminders keep nothing in memory: each scan asks the database which reminders are due and
// runs the same reminder job again. These tests write bookings whose reminders are due right now.

const { database } = isolatedDatabase('rendezvous_reminders');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function bookingStartingIn(ms: number, options: { bookedAgoMs?: number; hostOptedIn?: boolean; status?: 'confirmed' | 'cancelled' } = {}) {
  const host = await createHost(database(), { timeZone: 'Australia/Lord_Howe', hostReminderEmails: options.hostOptedIn ?? false });
  const meetingType = await createMeetingType(database(), host.id, { name: 'Check-in' });
  const start = new Date(Date.now() + ms);
  const booking = await insertBookingRow(database(), {
    hostUserId: host.id,
    meetingTypeId: meetingType.id,
    start: start.toISOString(),
    end: new Date(start.getTime() + 30 * MINUTE).toISOString(),
    status: options.status ?? 'confirmed',
    createdAt: new Date(Date.now() - (options.bookedAgoMs ?? 3 * 24 * HOUR)),
  });
  return { host, booking };
}

async function remindersOf(bookingId: string) {
  const rows = await database().select().from(emailNotifications).where(eq(emailNotifications.bookingId, bookingId));
  return rows.map((row) => [row.notificationType, row.recipientEmail]).sort();
}

async function scan() {
  await resumeDueReminders();
  await settleReminderRuns();
}

describe('inline reminders', () => {
  it('sends the 24-hour reminder to the invitee when it comes due, once, and not the 1-hour one yet', async () => {
    const { booking } = await bookingStartingIn(24 * HOUR - 30_000);
    await scan();
    await scan();
    expect(await remindersOf(booking.id)).toEqual([['reminder_24h', booking.inviteeEmail]]);
  });

  it('reminds the host too once the host opted in, in the host\'s own zone', async () => {
    const { host, booking } = await bookingStartingIn(HOUR - 20_000, { hostOptedIn: true });
    await scan();
    expect(await remindersOf(booking.id)).toEqual([['reminder_1h', booking.inviteeEmail], ['reminder_1h', host.email]].sort());
    const [toHost] = await database().select().from(emailNotifications).where(eq(emailNotifications.recipientEmail, host.email));
    expect(toHost!.textBody).toContain('Australia/Lord_Howe');
  });

  it('waits out a reminder due within the next minute instead of dropping it', async () => {
    const { booking } = await bookingStartingIn(HOUR + 3_000);
    await scan();
    expect(await remindersOf(booking.id)).toEqual([['reminder_1h', booking.inviteeEmail]]);
  });

  it('finds a reminder that came due while no process was running (a restart loses nothing)', async () => {
    const { booking } = await bookingStartingIn(HOUR - 10 * MINUTE);
    await scan();
    expect(await remindersOf(booking.id)).toEqual([['reminder_1h', booking.inviteeEmail]]);
  });

  it('never sends a reminder whose time had passed when the meeting was booked', async () => {
    const { booking } = await bookingStartingIn(HOUR - 30_000, { bookedAgoMs: 5 * MINUTE });
    await scan();
    // Booked 65 minutes ahead: the 24-hour reminder was never due, the 1-hour one came due after booking.
    expect(await remindersOf(booking.id)).toEqual([['reminder_1h', booking.inviteeEmail]]);
    const late = await bookingStartingIn(50 * MINUTE, { bookedAgoMs: 5 * MINUTE });
    await scan();
    expect(await remindersOf(late.booking.id)).toEqual([]);
    expect(await sendReminder({ database: database() }, late.booking.id, 'reminder_1h', 'invitee')).toBe('skipped');
  });

  it('retries a reminder left pending by a crash after its claim or a transient failure', async () => {
    const { booking } = await bookingStartingIn(HOUR - 30_000);
    await database().insert(emailNotifications).values({ bookingId: booking.id, recipientEmail: booking.inviteeEmail, notificationType: 'reminder_1h', subject: 'Reminder', status: 'pending', attempts: 1 });
    await scan();
    const [row] = await database().select().from(emailNotifications).where(eq(emailNotifications.bookingId, booking.id));
    expect(row).toMatchObject({ status: 'captured', attempts: 2 });
  });

  it('sends nothing for a cancelled booking, even when asked directly', async () => {
    const { booking } = await bookingStartingIn(HOUR - 30_000, { status: 'cancelled' });
    await scan();
    expect(await remindersOf(booking.id)).toEqual([]);
    expect(await sendReminder({ database: database() }, booking.id, 'reminder_1h', 'invitee')).toBe('skipped');
  });

  it('re-reads the booking just before sending: cancelled after the scan found it, nothing goes out', async () => {
    const { booking } = await bookingStartingIn(HOUR + 2_000);
    await resumeDueReminders();
    await database().execute(sql`update bookings set status = 'cancelled', cancelled_at = now() where id = ${booking.id}`);
    await settleReminderRuns();
    expect(await remindersOf(booking.id)).toEqual([]);
  });

  it('the host opt-in lives on the host row', async () => {
    const { host } = await bookingStartingIn(3 * HOUR);
    const [row] = await database().select({ optedIn: users.hostReminderEmails }).from(users).where(eq(users.id, host.id));
    expect(row?.optedIn).toBe(false);
  });
});
