import fc from 'fast-check';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { changeDeadline, changePolicy, changesClosedSentence, formatDuration, inviteChangeLines, policySentence } from './change-policy';

const t = createTranslator({ locale: 'en', messages: en, namespace: 'policy' });
const tDe = createTranslator({ locale: 'de', messages: de, namespace: 'policy' });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the change cut-off', () => {
  it('closes the stated time before the start', () => {
    expect(changeDeadline(Date.parse('2027-01-12T09:00:00Z'), 24 * 60)).toBe(Date.parse('2027-01-11T09:00:00Z'));
    expect(changeDeadline(1_000_000, 0)).toBe(1_000_000);
  });

  it('writes every duration in the largest unit that holds it whole', () => {
    expect(formatDuration(7 * 1440)).toBe('7 days');
    expect(formatDuration(1440)).toBe('1 day');
    expect(formatDuration(720)).toBe('12 hours');
    expect(formatDuration(36 * 60)).toBe('36 hours');
    expect(formatDuration(60)).toBe('1 hour');
    expect(formatDuration(90)).toBe('90 minutes');
    expect(formatDuration(1)).toBe('1 minute');
  });

  it('states the policy in words, in the same units as the form', () => {
    expect(policySentence(t, 7 * 1440)).toBe('You can reschedule or cancel until 7 days before the meeting.');
    expect(policySentence(t, 0)).toBe('You can reschedule or cancel until the meeting starts.');
    expect(policySentence(t, 60)).toBe('You can reschedule or cancel until 1 hour before the meeting.');
  });

  it('states it in the invitee’s language, with that language’s plurals', () => {
    expect(policySentence(tDe, 7 * 1440)).toBe('Sie können bis 7 Tage vor dem Termin verschieben oder stornieren.');
    expect(policySentence(tDe, 60)).toBe('Sie können bis 1 Stunde vor dem Termin verschieben oder stornieren.');
    expect(inviteChangeLines(tDe, { open: false, noticeMinutes: 90, hostName: 'Ada', contactLine: '0301234', where: 'email' })).toEqual([
      'Diese Buchung kann nicht online geändert werden: Änderungen sind bis 90 Minuten vor dem Termin möglich.',
      'Wenn Sie etwas ändern möchten, antworten Sie auf diese E-Mail, um Ada zu erreichen.',
      'Kontakt: 0301234',
    ]);
  });

  it('closes a booking made inside its cut-off at the moment it was made, not days before', () => {
    const start = Date.parse('2026-12-08T10:00:00Z');
    const bookedAt = Date.parse('2026-12-06T09:00:00Z');
    const policy = changePolicy({ start, noticeMinutes: 7 * 1440, bookedAt, now: bookedAt });
    expect(policy).toEqual({ noticeMinutes: 7 * 1440, closesAt: bookedAt, closedWhenBooked: true, open: false });
    expect(changesClosedSentence(t, policy, 'Sun, Dec 6, 2026, 9:00 AM')).toBe(
      'This booking was made less than 7 days before the meeting, so it can’t be changed online (changes close 7 days before).',
    );
  });

  it('closes a booking made in good time at its deadline', () => {
    const start = Date.parse('2026-12-20T10:00:00Z');
    const policy = changePolicy({ start, noticeMinutes: 1440, bookedAt: start - 10 * DAY, now: start - 2 * HOUR });
    expect(policy).toMatchObject({ closesAt: start - DAY, closedWhenBooked: false, open: false });
    expect(changesClosedSentence(t, policy, 'Sat, Dec 19, 2026, 10:00 AM')).toBe('Online changes closed on Sat, Dec 19, 2026, 10:00 AM, 1 day before the meeting.');
  });

  it('gives links while open and the host’s reply-to and contact line once closed', () => {
    expect(inviteChangeLines(t, { open: true, noticeMinutes: 60, hostName: 'Ada Lovelace', contactLine: 'Call 1234', where: 'email' })).toEqual([
      'You can reschedule or cancel until 1 hour before the meeting.',
    ]);
    expect(inviteChangeLines(t, { open: false, noticeMinutes: 60, hostName: 'Ada Lovelace', contactLine: 'Call 1234', where: 'email' })).toEqual([
      'This booking can’t be changed online: changes close 1 hour before the meeting.',
      'To change it, reply to this email to reach Ada Lovelace.',
      'Contact: Call 1234',
    ]);
    expect(inviteChangeLines(t, { open: false, noticeMinutes: 60, hostName: 'Ada', contactLine: null, where: 'page' })).toEqual([
      'This booking can’t be changed online: changes close 1 hour before the meeting.',
      'To change it, reply to your confirmation email to reach Ada.',
    ]);
  });

  it('never closes before the booking was made, and is open exactly until the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 525_600 }), fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: -400 * DAY, max: 400 * DAY }), (start, notice, lead, offset) => {
        const bookedAt = start - lead;
        const now = bookedAt + Math.abs(offset);
        const policy = changePolicy({ start, noticeMinutes: notice, bookedAt, now });
        expect(policy.closesAt).toBeGreaterThanOrEqual(bookedAt);
        expect(policy.closesAt).toBeGreaterThanOrEqual(changeDeadline(start, notice));
        expect(policy.open).toBe(now <= changeDeadline(start, notice) && now < start);
        if (policy.closedWhenBooked) expect(policy.open).toBe(false);
      }),
    );
  });
});
