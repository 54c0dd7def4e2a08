import { describe, expect, it } from 'vitest';
import { reasonText, seatsText } from './troubleshoot-text';

const at = (iso: string) => new Date(iso);

describe('the troubleshooter’s words', () => {
  it('shows times on the host’s wall clock, on the host’s clock', () => {
    const booking = { kind: 'booking' as const, bookingId: 'b1', inviteeName: 'Ada', start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T15:30:00Z') };
    expect(reasonText(booking, 'Asia/Kathmandu', '24h')).toBe('Booked: Ada, 20:45–21:15.');
    expect(reasonText(booking, 'Asia/Kathmandu', '12h')).toBe('Booked: Ada, 8:45 PM–9:15 PM.');
  });

  it('names the calendar and the hours of a busy event, never a title', () => {
    const text = reasonText({ kind: 'busy', calendarName: 'Work', start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T16:00:00Z') }, 'America/New_York', '24h');
    expect(text).toBe('Busy on Work: event at 10:00–11:00.');
  });

  it('names the booking or its buffer, the notice, the window and the daily limit', () => {
    const booking = { bookingId: 'b1', inviteeName: 'Ada', start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T15:30:00Z') };
    expect(reasonText({ kind: 'booking', ...booking }, 'UTC', '24h')).toBe('Booked: Ada, 15:00–15:30.');
    expect(reasonText({ kind: 'booking_buffer', ...booking }, 'UTC', '24h')).toBe('Buffer around the booking with Ada (15:00–15:30).');
    expect(reasonText({ kind: 'minimum_notice', minutes: 1 }, 'UTC', '24h')).toBe('Too soon: the meeting type needs 1 minute of notice.');
    expect(reasonText({ kind: 'booking_window', days: 60 }, 'UTC', '24h')).toBe('Too far ahead: invitees can book at most 60 days ahead.');
    expect(reasonText({ kind: 'daily_limit', limit: 2 }, 'UTC', '24h')).toBe('Daily limit reached: 2 bookings of this meeting type on this day.');
    expect(reasonText({ kind: 'date_override' }, 'UTC', '24h')).toMatch(/date override/);
    expect(reasonText({ kind: 'outside_weekly_hours' }, 'UTC', '24h')).toMatch(/weekly hours/);
  });

  it('names a request awaiting approval as a request, not a booking', () => {
    const request = { bookingId: 'b1', inviteeName: 'Ada', start: at('2027-01-11T15:00:00Z'), end: at('2027-01-11T15:30:00Z'), awaitingApproval: true };
    expect(reasonText({ kind: 'booking', ...request }, 'UTC', '24h')).toBe('Requested, awaiting your approval: Ada, 15:00–15:30.');
    expect(reasonText({ kind: 'booking_buffer', ...request }, 'UTC', '24h')).toBe('Buffer around the request from Ada awaiting your approval (15:00–15:30).');
  });

  it('counts a group event’s seats taken, and says when none is left', () => {
    expect(seatsText({ taken: 2, of: 3 })).toBe('2 of 3 seats taken.');
    expect(reasonText({ kind: 'full', taken: 3, seats: 3 }, 'UTC', '24h')).toBe('Full: 3 of 3 seats taken.');
  });
});
