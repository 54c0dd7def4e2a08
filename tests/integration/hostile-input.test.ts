import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { createBookableHost, inviteeFor } from '../factories';
import { book, cancel, fetchAvailability, tokenOf } from './api';
import { connectTestDatabase } from './db-helpers';

// Text a person types reaches emails, the dashboard and Postgres: controls and bidi overrides are
// refused with a 400 at the boundary (a NUL used to be a 500 from Postgres), never stored.

const database = connectTestDatabase();
const MONDAY_10AM_NY = '2027-01-11T15:00:00.000Z';

const unsafe = [
  ['a NUL', 'Ann\u0000Lee'],
  ['an escape', 'Ann\u001b[31mLee'],
  ['a right-to-left override', 'Ann \u202egnp.exe'],
  ['a first-strong isolate', 'Ann \u2068Lee'],
  ['a DEL', 'Ann\u007fLee'],
  ['a lone surrogate', 'Ann \ud800 Lee'],
] as const;

describe('control and bidi characters', () => {
  it.each(unsafe)('refuses %s in the invitee name with 400, storing nothing', async (_what, name) => {
    const { meetingType } = await createBookableHost(database);
    const reply = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { name }));
    expect(reply.status).toBe(400);
    expect(reply.body.error?.code).toBe('invalid_request');
    expect(await database.select().from(bookings).where(eq(bookings.meetingTypeId, meetingType.id))).toHaveLength(0);
  });

  it.each(unsafe)('refuses %s in the notes with 400', async (_what, text) => {
    const { meetingType } = await createBookableHost(database);
    expect((await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { notes: text }))).status).toBe(400);
  });

  it('keeps tabs and newlines in notes (CRLF becomes LF), and refuses them in the name', async () => {
    const { meetingType } = await createBookableHost(database);
    const notes = 'Agenda:\r\n\t1. budget\n\t2. hiring';
    const reply = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { notes }));
    expect(reply.status).toBe(201);
    const [row] = await database.select().from(bookings).where(eq(bookings.id, reply.body.booking.id));
    expect(row?.notes).toBe('Agenda:\n\t1. budget\n\t2. hiring');
    expect((await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z', { name: 'Ann\tLee' }))).status).toBe(400);
    expect((await book(inviteeFor(meetingType.id, '2027-01-11T16:00:00.000Z', { name: 'Ann\nLee' }))).status).toBe(400);
  });

  it.each(unsafe)('refuses %s in a cancel reason with 400, and the booking stays confirmed', async (_what, reason) => {
    const { meetingType } = await createBookableHost(database);
    const { body } = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY));
    const reply = await cancel(body.booking.id, { token: tokenOf(body.booking.cancelUrl), reason });
    expect(reply.status).toBe(400);
    const [row] = await database.select().from(bookings).where(eq(bookings.id, body.booking.id));
    expect(row?.status).toBe('confirmed');
  });
});

describe('time zone spellings', () => {
  it('answers and stores every letter case of a zone under its one canonical name', async () => {
    const { meetingType } = await createBookableHost(database);
    const query = { meetingTypeId: meetingType.id, start: '2027-01-11', end: '2027-01-11' };
    const canonical = await fetchAvailability({ ...query, timezone: 'America/Argentina/Cordoba' });
    // Intl's canonical name for it (CLDR's, e.g. America/Cordoba): whatever it is, every spelling gets it.
    const canonicalName = (canonical.body as unknown as { timezone: string }).timezone;
    expect(canonicalName).toMatch(/Cordoba$/);
    for (const spelling of ['america/argentina/cordoba', 'AMERICA/ARGENTINA/CORDOBA', 'America/argentina/CORDOBA']) {
      const reply = await fetchAvailability({ ...query, timezone: spelling });
      expect(reply.status).toBe(200);
      expect((reply.body as unknown as { timezone: string }).timezone).toBe(canonicalName);
      expect(reply.body.slots).toEqual(canonical.body.slots);
    }
    const booked = await book(inviteeFor(meetingType.id, MONDAY_10AM_NY, { timezone: 'europe/BERLIN' }));
    expect(booked.body.booking.timezone).toBe('Europe/Berlin');
    const [row] = await database.select().from(bookings).where(eq(bookings.id, booked.body.booking.id));
    expect(row?.inviteeTimezone).toBe('Europe/Berlin');
  });
});
