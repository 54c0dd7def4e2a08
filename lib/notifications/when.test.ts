import { describe, expect, it } from 'vitest';
import { formatMeetingTime, formatSubjectTime, formatTimeZone } from './when';

describe('formatMeetingTime', () => {
  it('reads the same instant on each recipient\'s wall clock', () => {
    const start = new Date('2027-01-11T15:00:00Z');
    const end = new Date('2027-01-11T15:30:00Z');
    expect(formatMeetingTime(start, end, 'America/New_York')).toBe('Monday, January 11, 2027 · 10:00 AM – 10:30 AM');
    expect(formatMeetingTime(start, end, 'Asia/Kathmandu')).toBe('Monday, January 11, 2027 · 8:45 PM – 9:15 PM');
    expect(formatMeetingTime(start, end, 'Pacific/Chatham')).toBe('Tuesday, January 12, 2027 · 4:45 AM – 5:15 AM');
  });

  it('reads on a 24-hour clock when the recipient (a host) chose one', () => {
    const start = new Date('2027-01-11T14:00:00Z');
    expect(formatMeetingTime(start, new Date('2027-01-11T14:30:00Z'), 'Europe/London', '24h')).toBe('Monday, January 11, 2027 · 14:00 – 14:30');
    expect(formatSubjectTime(start, 'Europe/London', '24h')).toBe('Mon, Jan 11, 14:00');
    expect(formatSubjectTime(start, 'Europe/London')).toBe('Mon, Jan 11, 2:00 PM');
  });

  it('names the end date when the meeting crosses midnight there', () => {
    expect(formatMeetingTime(new Date('2027-01-11T22:30:00Z'), new Date('2027-01-11T23:30:00Z'), 'Europe/Berlin')).toBe(
      'Monday, January 11, 2027 · 11:30 PM – Tuesday, January 12, 2027 · 12:30 AM',
    );
  });
});

describe('formatMeetingTime in the invitee’s language', () => {
  it('writes German, French and Spanish dates with their own 24-hour clock', () => {
    const start = new Date('2026-12-07T14:00:00Z');
    const end = new Date('2026-12-07T14:30:00Z');
    expect(formatMeetingTime(start, end, 'Europe/Berlin', 'de')).toBe('Montag, 7. Dezember 2026 · 15:00 – 15:30');
    expect(formatMeetingTime(start, end, 'Europe/Paris', 'fr')).toBe('lundi 7 décembre 2026 · 15:00 – 15:30');
    expect(formatMeetingTime(start, end, 'Europe/Madrid', 'es')).toBe('lunes, 7 de diciembre de 2026 · 15:00 – 15:30');
  });
});

describe('formatTimeZone', () => {
  it('gives the offset of the meeting\'s date, including half-hour DST (Lord Howe)', () => {
    expect(formatTimeZone('Australia/Lord_Howe', new Date('2027-01-11T00:00:00Z'))).toBe('Australia/Lord_Howe (GMT+11)');
    expect(formatTimeZone('Australia/Lord_Howe', new Date('2027-07-11T00:00:00Z'))).toBe('Australia/Lord_Howe (GMT+10:30)');
    expect(formatTimeZone('America/New_York', new Date('2027-07-11T00:00:00Z'))).toBe('America/New_York (GMT-4)');
  });
});
