import { describe, expect, it } from 'vitest';
import { formatDayHeading, formatShortDateTime, formatTime, formatTimeRange, formatZoneLabel, localDateKey } from './format-time';

describe('formatting instants for the invitee', () => {
  // 14:00Z on 9 March 2026: New York has just moved to EDT (UTC−4), Berlin is still on CET (UTC+1).
  const instant = '2026-03-09T14:00:00.000Z';

  it('shows the same instant on each invitee’s own wall clock', () => {
    expect(formatTime(instant, 'America/New_York')).toBe('10:00 AM');
    expect(formatTime(instant, 'Europe/Berlin')).toBe('3:00 PM');
    expect(formatTime(instant, 'Asia/Kathmandu')).toBe('7:45 PM');
  });

  it('writes times on a 24-hour clock when the invitee chose it, midnight as 00', () => {
    expect(formatTime(instant, 'Europe/Berlin', '24h')).toBe('15:00');
    expect(formatTime(instant, 'America/New_York', '24h')).toBe('10:00');
    expect(formatTime('2026-03-09T23:00:00Z', 'Europe/Berlin', '24h')).toBe('00:00');
    expect(formatTimeRange(instant, '2026-03-09T14:30:00Z', 'Asia/Kathmandu', '24h')).toBe('19:45 – 20:15');
  });

  it('puts a slot on the invitee’s local day, which may differ from the host’s', () => {
    expect(localDateKey('2026-03-09T23:30:00Z', 'America/New_York')).toBe('2026-03-09');
    expect(localDateKey('2026-03-09T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-10');
    expect(localDateKey('2026-03-09T23:30:00Z', 'Pacific/Chatham')).toBe('2026-03-10');
  });

  it('heads a calendar date without shifting it through any zone', () => {
    expect(formatDayHeading('2026-03-09')).toBe('Monday, March 9');
  });

  it('writes dates and times in the invitee’s language', () => {
    expect(formatDayHeading('2026-12-07', 'de')).toBe('Montag, 7. Dezember');
    expect(formatDayHeading('2026-12-07', 'fr')).toBe('lundi 7 décembre');
    expect(formatDayHeading('2026-12-07', 'es')).toBe('lunes, 7 de diciembre');
    expect(formatTime(instant, 'Europe/Berlin', '24h', 'de')).toBe('15:00');
    expect(formatTime(instant, 'Europe/Berlin', '12h', 'de')).toMatch(/^3:00\sPM$/);
    expect(formatShortDateTime('2027-01-12T14:00:00Z', 'Europe/Berlin', { locale: 'de' })).toBe('Di., 12. Jan., 15:00');
  });

  it('labels a zone with its offset at that instant', () => {
    expect(formatZoneLabel('America/New_York', instant)).toBe('America/New York (GMT-4)');
    expect(formatZoneLabel('Asia/Kathmandu', instant)).toBe('Asia/Kathmandu (GMT+5:45)');
  });

  it('writes a deadline short, on the invitee’s wall clock', () => {
    expect(formatShortDateTime('2027-01-12T14:00:00Z', 'America/New_York')).toBe('Tue, Jan 12, 9:00 AM');
    expect(formatShortDateTime('2027-01-12T14:00:00Z', 'Asia/Tokyo')).toBe('Tue, Jan 12, 11:00 PM');
    expect(formatShortDateTime('2027-01-12T14:00:00Z', 'America/New_York', { withYear: true })).toBe('Tue, Jan 12, 2027, 9:00 AM');
  });
});
