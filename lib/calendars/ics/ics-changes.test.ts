import { describe, expect, it } from 'vitest';
import { icsBusyChanges } from './ics-changes';

// A weekly 09:00 New York meeting from Monday 2027-03-01 for 4 weeks, across the DST change of
// 2027-03-14, with the 2027-03-08 instance removed (EXDATE) and the 2027-03-15 one moved (RECURRENCE-ID).
const feed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  'BEGIN:VEVENT',
  'UID:weekly@test',
  'DTSTAMP:20270101T000000Z',
  'DTSTART;TZID=America/New_York:20270301T090000',
  'DTEND;TZID=America/New_York:20270301T100000',
  'RRULE:FREQ=WEEKLY;COUNT=4',
  'EXDATE;TZID=America/New_York:20270308T090000',
  'SUMMARY:Weekly',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly@test',
  'DTSTAMP:20270101T000000Z',
  'RECURRENCE-ID;TZID=America/New_York:20270315T090000',
  'DTSTART;TZID=America/New_York:20270315T140000',
  'DTEND;TZID=America/New_York:20270315T150000',
  'SUMMARY:Weekly (moved)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:free@test',
  'DTSTAMP:20270101T000000Z',
  'DTSTART:20270302T150000Z',
  'DTEND:20270302T160000Z',
  'TRANSP:TRANSPARENT',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('icsBusyChanges', () => {
  it('expands RRULE in its TZID across DST, drops EXDATE instances, applies overrides and skips free events', () => {
    const changes = icsBusyChanges(feed, Date.parse('2027-02-20T00:00:00Z'));
    expect(changes.full).toBe(true);
    const starts = changes.upserts.map((e) => e.start.toISOString()).sort();
    expect(starts).toEqual([
      '2027-03-01T14:00:00.000Z', // 09:00 EST
      '2027-03-15T18:00:00.000Z', // moved to 14:00 EDT
      '2027-03-22T13:00:00.000Z', // 09:00 EDT
    ]);
    expect(changes.upserts.every((e) => e.end.getTime() - e.start.getTime() === 60 * 60 * 1000)).toBe(true);
  });

  it('keeps ids stable between reads so rows are replaced, not duplicated', () => {
    const a = icsBusyChanges(feed, Date.parse('2027-02-20T00:00:00Z')).upserts.map((e) => e.id);
    const b = icsBusyChanges(feed, Date.parse('2027-02-21T00:00:00Z')).upserts.map((e) => e.id);
    expect(b).toEqual(a);
  });
});
