import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, emailNotifications } from '@/db/schema';
import { inlineSink } from '@/inngest/inline-runner';
import { settleDispatches } from '@/lib/jobs/dispatch';
import { installEventSink } from '@/lib/jobs/event-sink';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, downloadCalendarFile, reschedule, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// The invitee's emails are written in the language they booked in (bookings.locale, migration 0017):
// the confirmation, and later the move and the cancellation, whoever makes them. Hosts read English.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';
const TUESDAY_10AM_NY = '2027-01-12T15:00:00.000Z';

beforeAll(() => installEventSink(inlineSink));
afterAll(() => installEventSink(undefined));

async function mailTo(bookingId: string, to: string, kind: string) {
  await settleDispatches();
  const [row] = await database.select().from(emailNotifications).where(and(eq(emailNotifications.bookingId, bookingId), eq(emailNotifications.recipientEmail, to), eq(emailNotifications.notificationType, kind)));
  if (!row) throw new Error(`no ${kind} email to ${to}`);
  return row;
}

const localeOf = async (id: string) => (await database.select({ locale: bookings.locale }).from(bookings).where(eq(bookings.id, id)))[0]?.locale;

describe('emails in the booking’s language', () => {
  it('writes a German booking’s confirmation, move and cancellation in German, with German dates; the host’s stay English', async () => {
    const { host, meetingType } = await createBookableHost(database, { name: 'Intro call' }, { timeZone: 'America/New_York' });
    const invitee = inviteeFor(meetingType.id, MONDAY_10AM_NY, { locale: 'de' });
    const booked = await book(invitee);
    expect(booked.status).toBe(201);
    expect(await localeOf(booked.body.booking.id)).toBe('de');

    const confirmation = await mailTo(booked.body.booking.id, invitee.email, 'confirmation');
    // 15:00 UTC is 16:00 in Berlin: a German date on a 24-hour clock.
    expect(confirmation.subject).toBe(`Bestätigt: Intro call mit ${host.name}, Mo., 11. Jan., 16:00`);
    expect(confirmation.textBody).toContain('Ihr Termin ist bestätigt');
    expect(confirmation.textBody).toContain('Wann: Montag, 11. Januar 2027 · 16:00 – 16:30');
    expect(confirmation.textBody).toMatch(/Verschieben: \S+\/reschedule\?token=\S+&lang=de\n/);
    expect(confirmation.attachments?.[0]?.content.replace(/\r\n /g, '')).toContain('SUMMARY:Intro call mit');
    const file = await downloadCalendarFile(booked.body.booking.id, tokenOf(booked.body.booking.cancelUrl));
    // The entry leads with the change policy, in German too.
    expect(file.text.replace(/\r\n /g, '')).toContain('Sie können bis zum Beginn des Termins verschieben oder stornieren.');
    expect(confirmation.textBody).toContain('Sie können bis zum Beginn des Termins verschieben oder stornieren.');
    const toHost = await mailTo(booked.body.booking.id, host.email, 'confirmation');
    expect(toHost.subject).toMatch(/^New booking: Intro call with /);

    // A move keeps the language the booking was made in.
    const moved = await reschedule(booked.body.booking.id, { token: tokenOf(booked.body.booking.rescheduleUrl), start: TUESDAY_10AM_NY });
    expect(moved.status).toBe(201);
    expect(await localeOf(moved.body.booking.id)).toBe('de');
    const rescheduled = await mailTo(moved.body.booking.id, invitee.email, 'rescheduled');
    expect(rescheduled.subject).toBe(`Verschoben: Intro call mit ${host.name}, jetzt Di., 12. Jan., 16:00`);
    expect(rescheduled.textBody).toContain('Bisher: Montag, 11. Januar 2027 · 16:00 – 16:30');

    const cancelUrl = /Stornieren: (\S+)/.exec(rescheduled.textBody ?? '')?.[1];
    const cancelled = await cancel(moved.body.booking.id, { token: tokenOf(cancelUrl), reason: 'Krank' });
    expect(cancelled.status).toBe(200);
    const cancellation = await mailTo(moved.body.booking.id, invitee.email, 'cancellation');
    expect(cancellation.subject).toMatch(/^Storniert: Intro call mit /);
    expect(cancellation.textBody).toContain('Sie haben Intro call mit');
    expect(cancellation.textBody).toContain('Grund: Krank');
  });

  it('takes Accept-Language when the body names no language, and English when neither does', async () => {
    const { meetingType } = await createBookableHost(database, {}, { timeZone: 'America/New_York' });
    const french = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY), { 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' });
    expect(french.status).toBe(201);
    expect(await localeOf(french.body.booking.id)).toBe('fr');
    const english = await book(inviteeFor(meetingType.id, TUESDAY_10AM_NY));
    expect(await localeOf(english.body.booking.id)).toBe('en');
  });

  it('refuses a language it does not speak with 400, not 500', async () => {
    const { meetingType } = await createBookableHost(database, {}, { timeZone: 'America/New_York' });
    const refused = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { locale: 'tlh' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('invalid_request');
  });
});
