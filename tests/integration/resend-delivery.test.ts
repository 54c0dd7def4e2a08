import { and, eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailNotifications } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { resetEnvForTests } from '@/lib/env';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { sendConfirmation } from '@/lib/notifications/send-notices';
import { resetMailTransportForTests } from '@/lib/notifications/transport';
import { createBookableHost, inviteeFor } from '../factories';
import { type ResendFake, startResendFake } from '../fakes/resend';
import { book } from './api';
import { connectTestDatabase } from './db-helpers';

// Real mail through the official Resend SDK, against a local fake of `POST /emails` reached by
// RESEND_BASE_URL: what arrives, and what happens when the API fails at the wrong moment.

const database = connectTestDatabase();
// 10:00 AM in Kathmandu (UTC+5:45), the host's zone and working hours; 1:15 AM in São Paulo (UTC−3).
const MONDAY_10AM_KATHMANDU = '2027-01-11T04:15:00.000Z';
let resend: ResendFake;

beforeAll(async () => {
  resend = await startResendFake();
  process.env.RESEND_API_KEY = resend.apiKey;
  process.env.RESEND_BASE_URL = resend.url;
  process.env.EMAIL_FROM = 'Rendezvous <bookings@rendezvous.test>';
  resetEnvForTests();
  resetMailTransportForTests();
  installEventSink(inlineSink);
});

afterEach(() => settleDispatches());

afterAll(async () => {
  installEventSink(undefined);
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.EMAIL_FROM;
  resetEnvForTests();
  resetMailTransportForTests();
  await resend.close();
});

async function bookMeeting() {
  const { host, meetingType } = await createBookableHost(database, { name: 'Design review' }, { timeZone: 'Asia/Kathmandu' });
  const invitee = inviteeFor(meetingType.id, MONDAY_10AM_KATHMANDU, { timezone: 'America/Sao_Paulo' });
  const { status, body } = await book(invitee);
  expect(status).toBe(201);
  await settleDispatches();
  return { host, invitee, booking: body.booking };
}

const sentTo = (address: string) => resend.sent.filter((email) => email.to.includes(address));
const record = async (bookingId: string, to: string) =>
  (await database.select().from(emailNotifications).where(and(eq(emailNotifications.bookingId, bookingId), eq(emailNotifications.recipientEmail, to))))[0]!;

describe('Resend transport', () => {
  it('sends each person their message: recipients, subject, their zone, reply-to, and an invitation in UTC', async () => {
    const { host, invitee, booking } = await bookMeeting();
    const [toInvitee] = sentTo(invitee.email);
    const [toHost] = sentTo(host.email);
    expect(toInvitee && toHost).toBeTruthy();
    expect(toInvitee!.from).toBe('Rendezvous <bookings@rendezvous.test>');
    expect(toInvitee!.replyTo).toEqual([host.email]);
    expect(toHost!.replyTo).toEqual([invitee.email]);
    expect(toInvitee!.subject).toBe(`Confirmed: Design review with ${host.name}, Mon, Jan 11, 1:15 AM`);
    expect(toInvitee!.text).toContain('Monday, January 11, 2027 · 1:15 AM – 1:45 AM');
    expect(toInvitee!.text).toContain('America/Sao_Paulo (GMT-3)');
    expect(toHost!.subject).toContain('Mon, Jan 11, 10:00 AM');
    expect(toHost!.text).toContain('Monday, January 11, 2027 · 10:00 AM – 10:30 AM');
    expect(toHost!.text).toContain('Asia/Kathmandu (GMT+5:45)');
    expect(toInvitee!.html).toContain('<html');
    for (const email of [toInvitee!, toHost!]) {
      expect(email.idempotencyKey).toMatch(new RegExp(`^rendezvous/${booking.id}/confirmation/[0-9a-f]{32}$`));
      expect(email.attachments).toHaveLength(1);
      expect(email.attachments[0]!.contentType).toContain('text/calendar');
      const event = Object.values(ical.sync.parseICS(email.attachments[0]!.content)).find((c): c is VEvent => c?.type === 'VEVENT')!;
      expect(event.start.toISOString()).toBe(booking.start);
      expect(event.end?.toISOString()).toBe(booking.end);
    }
    const stored = await record(booking.id, invitee.email);
    expect(stored.status).toBe('sent');
    expect(stored.providerMessageId).toBe(toInvitee!.id);
  });

  it('a 500 and then a 200 delivers exactly one email, retried with the same Idempotency-Key', async () => {
    resend.failNext(500);
    const { invitee, host, booking } = await bookMeeting();
    expect(sentTo(invitee.email)).toHaveLength(1);
    expect(sentTo(host.email)).toHaveLength(1);
    const key = sentTo(invitee.email)[0]!.idempotencyKey;
    const forKey = resend.requests.filter((r) => r.idempotencyKey === key);
    expect(forKey.map((r) => r.status)).toEqual([500, 200]);
    const stored = await record(booking.id, invitee.email);
    expect(stored.status).toBe('sent');
    expect(stored.attempts).toBe(2);
  });

  it('a 422 is recorded as failed and not retried, while the other recipient still gets theirs', async () => {
    resend.failNext(422);
    const { invitee, host, booking } = await bookMeeting();
    const stored = await record(booking.id, invitee.email);
    expect(stored.status).toBe('failed');
    expect(stored.error).toContain('422');
    expect(sentTo(invitee.email)).toHaveLength(0);
    expect(sentTo(host.email)).toHaveLength(1);
    const before = resend.requests.length;
    expect(await sendConfirmation({ database }, booking.id, 'invitee')).toBe('failed');
    expect(resend.requests.length).toBe(before);
  });

  it('a second attempt for the same booking, kind and recipient sends nothing', async () => {
    const { invitee, booking } = await bookMeeting();
    const before = resend.requests.length;
    expect(await sendConfirmation({ database }, booking.id, 'invitee')).toBe('sent');
    expect(resend.requests.length).toBe(before);
    expect(sentTo(invitee.email)).toHaveLength(1);
  });
});
