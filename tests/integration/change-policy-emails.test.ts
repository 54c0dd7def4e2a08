import { and, eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailNotifications } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { findInviteFile } from '@/lib/booking/find-invite-file';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, inviteeFor } from '../factories';
import { book, tokenOf } from './api';
import { isolatedDatabase } from './isolated-database';

// The change policy in what the invitee takes away: the confirmation email and the .ics state it,
// and a booking made inside its cut-off carries no change links, only how to reach the host.

const { database } = isolatedDatabase('rendezvous_policy_mail');
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const DAY_MINUTES = 1440;

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));

async function inviteeConfirmation(bookingId: string, email: string) {
  await settleDispatches();
  const [row] = await database()
    .select()
    .from(emailNotifications)
    .where(and(eq(emailNotifications.bookingId, bookingId), eq(emailNotifications.notificationType, 'confirmation'), eq(emailNotifications.recipientEmail, email)));
  if (!row) throw new Error('no confirmation to the invitee');
  return row;
}

function description(ics: string): string {
  const events = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
  const text = events[0]?.description;
  return typeof text === 'string' ? text : (text?.val ?? '');
}

async function bookWithCutOff(minChangeNoticeMinutes: number, contactLine: string | null) {
  const { host, meetingType } = await createBookableHost(database(), { name: 'Intro call', minChangeNoticeMinutes, contactLine }, { name: 'Ada Lovelace', timeZone: 'America/New_York' });
  const invitee = inviteeFor(meetingType.id, MONDAY_10AM_NY);
  const { status, body } = await book(invitee);
  expect(status).toBe(201);
  return { host, invitee, booking: body.booking };
}

describe('the change policy in the invitee’s email and calendar file', () => {
  it('states the cut-off in words beside the links while changes are open', async () => {
    const { invitee, booking } = await bookWithCutOff(7 * DAY_MINUTES, 'Call 020 7946 0000');
    const mail = await inviteeConfirmation(booking.id, invitee.email);
    expect(mail.textBody).toContain('You can reschedule or cancel until 7 days before the meeting.');
    expect(mail.textBody).toContain(booking.cancelUrl);
    expect(mail.textBody).not.toContain('Call 020 7946 0000');
    expect(description(mail.attachments![0]!.content)).toContain('You can reschedule or cancel until 7 days before the meeting.');
  });

  it('gives a booking made inside its cut-off no change links anywhere, and says how to reach the host', async () => {
    // The meeting is about five weeks away; a 60-day cut-off has passed before it was booked.
    const { host, invitee, booking } = await bookWithCutOff(60 * DAY_MINUTES, 'Call 020 7946 0000');
    const mail = await inviteeConfirmation(booking.id, invitee.email);
    for (const text of [mail.textBody ?? '', mail.body, mail.attachments![0]!.content.replace(/\r\n /g, '')]) {
      expect(text).not.toContain('/cancel?token=');
      expect(text).not.toContain('/reschedule?token=');
    }
    expect(mail.textBody).toContain('This booking can’t be changed online: changes close 60 days before the meeting.');
    expect(mail.textBody).toContain('To change it, reply to this email to reach Ada Lovelace.');
    expect(mail.textBody).toContain('Contact: Call 020 7946 0000');
    expect(mail.replyTo).toBe(host.email);

    const emailed = description(mail.attachments![0]!.content);
    expect(emailed).toContain('reply to your confirmation email to reach Ada Lovelace');
    expect(emailed).toContain('Contact: Call 020 7946 0000');

    // The .ics the confirmation page offers (opened by the booking's token) says the same, without links.
    const file = await findInviteFile(database(), booking.id, tokenOf(booking.cancelUrl));
    expect(file.body).not.toContain('token=');
    expect(description(file.body)).toContain('Contact: Call 020 7946 0000');
  });
});
