import { describe, expect, it } from 'vitest';
import { syncWindow } from '../busy-changes';
import { expandFeed, type ExpansionLimits, type FeedExpansion } from './feed-expansion.mjs';

const limitsAt = (now: number, overrides: Partial<ExpansionLimits> = {}): ExpansionLimits => {
  const window = syncWindow(now);
  return { windowStart: window.start.getTime(), windowEnd: window.end.getTime(), maxEvents: 10_000, iterationBudget: 50_000, maxInstances: 20_000, ...overrides };
};
function expanded(result: FeedExpansion) {
  if ('error' in result) throw new Error(result.error);
  return result;
}
const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
const vevent = (uid: string, start: string, end: string, rrule?: string) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20270101T000000Z', `DTSTART:${start}`, `DTEND:${end}`, ...(rrule ? [`RRULE:${rrule}`] : []), 'END:VEVENT'];
const now = Date.parse('2027-01-10T00:00:00Z');

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

describe('expandFeed', () => {
  it('expands RRULE in its TZID across DST, drops EXDATE instances, applies overrides and skips free events', () => {
    const result = expanded(expandFeed(feed, limitsAt(Date.parse('2027-02-20T00:00:00Z'))));
    const starts = result.events.map((e) => new Date(e.start).toISOString()).sort();
    expect(starts).toEqual([
      '2027-03-01T14:00:00.000Z', // 09:00 EST
      '2027-03-15T18:00:00.000Z', // moved to 14:00 EDT
      '2027-03-22T13:00:00.000Z', // 09:00 EDT
    ]);
    expect(result.events.every((e) => e.end - e.start === 60 * 60 * 1000)).toBe(true);
    expect(result.skipped).toEqual([]);
  });

  it('keeps ids stable between reads so rows are replaced, not duplicated', () => {
    const a = expanded(expandFeed(feed, limitsAt(Date.parse('2027-02-20T00:00:00Z')))).events.map((e) => e.id);
    const b = expanded(expandFeed(feed, limitsAt(Date.parse('2027-02-21T00:00:00Z')))).events.map((e) => e.id);
    expect(b).toEqual(a);
  });

  it('skips a long minutely series that ended before the window without walking it', () => {
    const hostile = calendar(...Array.from({ length: 40 }, (_, i) => vevent(`m${i}@test`, '20260101T000000Z', '20260101T000100Z', 'FREQ=MINUTELY;COUNT=9990')));
    const started = performance.now();
    const result = expanded(expandFeed(hostile, limitsAt(now)));
    expect(result).toEqual({ events: [], skipped: [], truncated: false });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads an unbounded hourly event across the whole window (more than rrule’s own 10,000 iterations)', () => {
    const result = expanded(expandFeed(calendar(vevent('hourly@test', '20270101T090000Z', '20270101T093000Z', 'FREQ=HOURLY')), limitsAt(now)));
    const window = syncWindow(now);
    expect(result.events.length).toBeGreaterThan(17_000);
    expect(result.events.every((e) => e.end - e.start === 30 * 60 * 1000 && e.start >= window.start.getTime() - 30 * 60 * 1000)).toBe(true);
    expect(result.events.map((e) => new Date(e.start).toISOString())).toContain('2027-01-12T15:00:00.000Z');
  }, 20_000); // ~17,700 instances: about a second alone, more on a shared machine

  it('charges counted rules with BY parts to one budget for the feed, and skips the event that would exceed it', () => {
    const costly = (uid: string) => vevent(uid, '20260101T000000Z', '20260101T000100Z', 'FREQ=MINUTELY;BYSECOND=0;COUNT=3000');
    const feed = calendar(costly('a@test'), costly('b@test'), costly('c@test'), vevent('plain@test', '20270111T150000Z', '20270111T160000Z'));
    const result = expanded(expandFeed(feed, limitsAt(now, { iterationBudget: 7000 })));
    expect(result.skipped).toEqual([{ uid: 'c@test', reason: 'repeats too often to read' }]);
    expect(result.events.map((e) => e.id)).toEqual(['plain@test/2027-01-11T15:00:00.000Z']);
  }, 20_000);

  it('still reads a counted series that reaches into the window, from its right instance', () => {
    const result = expanded(expandFeed(calendar(vevent('daily@test', '20260101T150000Z', '20260101T160000Z', 'FREQ=DAILY;COUNT=400')), limitsAt(now)));
    // 2026-01-01 + 399 days = 2027-02-04, the last one.
    expect(result.events.at(-1)!.id).toBe('daily@test/2027-02-04T15:00:00.000Z');
    expect(new Date(result.events[0]!.start).toISOString()).toBe('2027-01-09T15:00:00.000Z');
  });

  it('skips one unreadable event and keeps the rest', () => {
    const broken = ['BEGIN:VEVENT', 'UID:broken@test', 'DTSTAMP:20270101T000000Z', 'DTSTART:20270111T150000Z', 'DTEND:20270111T160000Z', 'RRULE:FREQ=NEVERLY;COUNT=2', 'END:VEVENT'];
    const result = expanded(expandFeed(calendar(broken, vevent('ok@test', '20270112T150000Z', '20270112T160000Z')), limitsAt(now)));
    expect(result.events.map((e) => e.id)).toEqual(['ok@test/2027-01-12T15:00:00.000Z']);
    expect(result.skipped).toEqual([{ uid: 'broken@test', reason: 'could not be read' }]);
  });

  it('refuses a feed with more VEVENTs than the cap, and text that is not iCalendar, before parsing', () => {
    const many = calendar(...Array.from({ length: 11 }, (_, i) => vevent(`e${i}@test`, '20270111T150000Z', '20270111T160000Z')));
    expect(expandFeed(many, limitsAt(now, { maxEvents: 10 }))).toEqual({ error: 'The feed has 11 events; at most 10 are read.' });
    expect(expandFeed('<html>Sign in</html>', limitsAt(now))).toEqual({ error: 'That address did not return an iCalendar (.ics) feed.' });
  });

  it('stops at the instance cap and says so', () => {
    const result = expanded(expandFeed(calendar(vevent('daily@test', '20270101T090000Z', '20270101T093000Z', 'FREQ=DAILY')), limitsAt(now, { maxInstances: 100 })));
    expect(result.events).toHaveLength(100);
    expect(result.truncated).toBe(true);
  });
});
