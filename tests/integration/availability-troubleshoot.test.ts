import { describe, expect, it } from 'vitest';
import { calendarConnections, connectedCalendars, externalBusy } from '@/db/schema';
import { troubleshootAvailability, type TroubleshootCandidate } from '@/lib/availability/troubleshoot';
import { AppError } from '@/lib/errors';
import { createBookableHost, createHost, createMeetingType, createOverride, insertBookingRow, inviteeFor } from '../factories';
import { book, fetchAvailability } from './api';
import { connectTestDatabase } from './db-helpers';

// The troubleshooter reads the same loader and engine as GET /api/v1/availability: it offers exactly
// what the API offers for that date, and names the booking, the buffer and the calendar in the way.

const database = connectTestDatabase();
const MONDAY = '2027-01-11'; // New York is UTC−5
const nyTime = (hhmm: string) => new Date(`${MONDAY}T${hhmm}:00-05:00`);

async function troubledHost() {
  const { host, meetingType } = await createBookableHost(database, { durationMinutes: 30, bufferAfterMinutes: 15, slotIntervalMinutes: 30 });
  const booking = await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: nyTime('10:00').toISOString(), end: nyTime('10:30').toISOString(), bufferAfterMinutes: 15 });
  const [connection] = await database.insert(calendarConnections).values({ userId: host.id, provider: 'ics', icsUrl: 'https://calendar.example.test/team.ics' }).returning();
  const [calendar] = await database.insert(connectedCalendars).values({ connectionId: connection!.id, userId: host.id, externalId: 'feed', name: 'Team feed' }).returning();
  await database.insert(externalBusy).values({ connectionId: connection!.id, calendarId: calendar!.id, userId: host.id, startTime: nyTime('13:00'), endTime: nyTime('14:00'), sourceEventId: 'standup' });
  return { host, meetingType, booking };
}

const at = (candidates: TroubleshootCandidate[], hhmm: string) => candidates.find((candidate) => candidate.start.getTime() === nyTime(hhmm).getTime());

describe('the availability troubleshooter', () => {
  it('offers exactly the starts the availability API offers for that date', async () => {
    const { host, meetingType } = await troubledHost();
    const result = await troubleshootAvailability(database, { hostUserId: host.id, meetingTypeId: meetingType.id, date: MONDAY, now: Date.now() });
    const api = await fetchAvailability({ meetingTypeId: meetingType.id, start: MONDAY, end: MONDAY, timezone: 'America/New_York' });
    expect(api.status).toBe(200);
    const offered = result.candidates.filter((candidate) => candidate.offered).map((candidate) => candidate.start.toISOString());
    expect(offered).toEqual(api.body.slots.map((slot) => new Date(slot.start).toISOString()));
    expect(offered.length).toBeGreaterThan(0);
    expect(result.timeZone).toBe('America/New_York');
    expect(result.candidates).toHaveLength(48); // a 24-hour day on a 30-minute grid
  });

  it('names the booking, the buffers around it, the calendar event and the closed hours', async () => {
    const { host, meetingType, booking } = await troubledHost();
    const { candidates } = await troubleshootAvailability(database, { hostUserId: host.id, meetingTypeId: meetingType.id, date: MONDAY, now: Date.now() });
    expect(at(candidates, '08:30')).toMatchObject({ offered: false, reasons: [{ kind: 'outside_weekly_hours' }] });
    expect(at(candidates, '09:00')).toMatchObject({ offered: true, reasons: [] });
    expect(at(candidates, '09:30')).toMatchObject({ offered: false, reasons: [{ kind: 'booking_buffer', bookingId: booking.id, inviteeName: booking.inviteeName }] });
    expect(at(candidates, '10:00')).toMatchObject({ offered: false, reasons: [{ kind: 'booking', bookingId: booking.id, start: nyTime('10:00'), end: nyTime('10:30') }] });
    expect(at(candidates, '10:30')).toMatchObject({ offered: false, reasons: [{ kind: 'booking_buffer', bookingId: booking.id }] });
    expect(at(candidates, '11:00')).toMatchObject({ offered: true });
    expect(at(candidates, '12:30')).toMatchObject({ offered: false, reasons: [{ kind: 'busy', calendarName: 'Team feed', start: nyTime('13:00'), end: nyTime('14:00') }] });
    expect(at(candidates, '13:30')).toMatchObject({ offered: false, reasons: [{ kind: 'busy', calendarName: 'Team feed' }] });
    expect(at(candidates, '16:30')).toMatchObject({ offered: false, reasons: [{ kind: 'outside_weekly_hours' }] });
  });

  it('says when a date override, the daily limit or a stale calendar is why', async () => {
    const { host, meetingType } = await troubledHost();
    await createOverride(database, host.id, MONDAY, { start: '09:00', end: '12:00' });
    const limited = await createMeetingType(database, host.id, { maxBookingsPerDay: 1, maxDaysInFuture: 730 });
    await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: limited.id, start: nyTime('11:00').toISOString(), end: nyTime('11:30').toISOString() });
    const overridden = await troubleshootAvailability(database, { hostUserId: host.id, meetingTypeId: meetingType.id, date: MONDAY, now: Date.now() });
    expect(at(overridden.candidates, '14:00')).toMatchObject({ reasons: [{ kind: 'date_override' }] });
    expect(overridden.staleCalendars).toEqual([{ name: 'Team feed', lastSyncedAt: null }]);
    const full = await troubleshootAvailability(database, { hostUserId: host.id, meetingTypeId: limited.id, date: MONDAY, now: Date.now() });
    expect(at(full.candidates, '09:00')).toMatchObject({ offered: false, reasons: [{ kind: 'daily_limit', limit: 1 }] });
  });

  it('offers a group event’s start that still has seats, as the availability API does, with the seats taken', async () => {
    const { host, meetingType } = await createBookableHost(database, { durationMinutes: 60, slotIntervalMinutes: 30, seatsPerSlot: 3 });
    const seat = () => insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: nyTime('10:00').toISOString(), end: nyTime('11:00').toISOString(), seated: true });
    const [first, second] = [await seat(), await seat()];
    const explain = () => troubleshootAvailability(database, { hostUserId: host.id, meetingTypeId: meetingType.id, date: MONDAY, now: Date.now() });
    const { candidates } = await explain();
    expect(at(candidates, '10:00')).toMatchObject({ offered: true, reasons: [], seats: { taken: 2, of: 3 } });
    expect(at(candidates, '09:00')).toMatchObject({ offered: true, reasons: [] });
    expect(at(candidates, '09:00')?.seats).toBeUndefined();
    // A start that overlaps the occasion is another occasion: its seats are in the way.
    const overlapping = at(candidates, '09:30')!;
    expect(overlapping.offered).toBe(false);
    expect(overlapping.reasons.map((reason) => (reason.kind === 'booking' ? reason.bookingId : reason.kind)).sort()).toEqual([first.id, second.id].sort());
    const api = await fetchAvailability({ meetingTypeId: meetingType.id, start: MONDAY, end: MONDAY, timezone: 'America/New_York' });
    expect(candidates.filter((candidate) => candidate.offered).map((candidate) => candidate.start.toISOString())).toEqual(api.body.slots.map((slot) => new Date(slot.start).toISOString()));
    expect(api.body.slots.map((slot) => new Date(slot.start).toISOString())).toContain(nyTime('10:00').toISOString());

    await seat();
    const full = await explain();
    expect(at(full.candidates, '10:00')).toMatchObject({ offered: false, reasons: [{ kind: 'full', taken: 3, seats: 3 }], seats: { taken: 3, of: 3 } });
  });

  it('names a request awaiting approval as a request, and an ordinary booking as a booking', async () => {
    const { host, meetingType } = await createBookableHost(database, { durationMinutes: 30, slotIntervalMinutes: 30, requiresConfirmation: true });
    const invitee = inviteeFor(meetingType.id, nyTime('10:00').toISOString());
    const requested = await book(invitee);
    expect(requested.body.booking.status).toBe('pending');
    const confirmed = await insertBookingRow(database, { hostUserId: host.id, meetingTypeId: meetingType.id, start: nyTime('11:00').toISOString(), end: nyTime('11:30').toISOString() });
    const { candidates } = await troubleshootAvailability(database, { hostUserId: host.id, meetingTypeId: meetingType.id, date: MONDAY, now: Date.now() });
    expect(at(candidates, '10:00')).toMatchObject({ offered: false, reasons: [{ kind: 'booking', bookingId: requested.body.booking.id, inviteeName: invitee.name, awaitingApproval: true }] });
    expect(at(candidates, '11:00')).toMatchObject({ offered: false, reasons: [{ kind: 'booking', bookingId: confirmed.id }] });
    expect(at(candidates, '11:00')?.reasons[0]).not.toHaveProperty('awaitingApproval');
  });

  it('answers another host’s meeting type with not found', async () => {
    const { meetingType } = await troubledHost();
    const stranger = await createHost(database);
    await expect(troubleshootAvailability(database, { hostUserId: stranger.id, meetingTypeId: meetingType.id, date: MONDAY, now: Date.now() })).rejects.toMatchObject(
      new AppError('not_found', 'Meeting type not found'),
    );
  });
});
