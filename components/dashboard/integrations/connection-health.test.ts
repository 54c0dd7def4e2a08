import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@/lib/calendars/list-connections';
import { healthLines } from './connection-health';

const london24 = { timeZone: 'Europe/London', hourCycle: '24h' } as const;

const now = Date.parse('2027-01-11T12:00:00Z');
const base: ConnectionView = {
  id: 'c',
  provider: 'ics',
  accountEmail: null,
  icsUrl: 'https://example.com/a.ics',
  status: 'active',
  lastSyncedAt: new Date('2027-01-11T11:55:00Z'),
  lastError: null,
  nextSyncAt: new Date('2027-01-11T12:05:00Z'),
  lastAttemptAt: new Date('2027-01-11T11:55:00Z'),
  failureCount: 0,
  lastSyncWarning: null,
  stale: false,
  calendars: [],
};

describe('healthLines', () => {
  it('says when a healthy connection last synced and is tried next', () => {
    expect(healthLines(base, london24, now)).toEqual([
      { term: 'Last successful sync', detail: 'Mon, Jan 11, 2027, 11:55' },
      { term: 'Next attempt', detail: 'Mon, Jan 11, 2027, 12:05' },
    ]);
  });

  it('reads the times on the host’s wall clock and clock', () => {
    expect(healthLines(base, { timeZone: 'America/New_York', hourCycle: '12h' }, now)[0]).toEqual({ term: 'Last successful sync', detail: 'Mon, Jan 11, 2027, 6:55 AM' });
  });

  it('flags busy times older than an hour', () => {
    expect(healthLines({ ...base, stale: true, lastSyncedAt: new Date('2027-01-11T10:00:00Z') }, london24, now)[0]).toEqual({ term: 'Last successful sync', detail: 'Mon, Jan 11, 2027, 10:00 (over an hour ago: busy times may be out of date)' });
  });

  it('names the last error, how often it repeated, and what a sync left out', () => {
    const failing = { ...base, lastError: 'The calendar feed answered 503: the provider is having trouble', failureCount: 3, lastSyncWarning: '1 event was skipped: x (could not be read).' };
    expect(healthLines(failing, london24, now)).toContainEqual({ term: 'Last error', detail: 'The calendar feed answered 503: the provider is having trouble (3 tries in a row)' });
    expect(healthLines(failing, london24, now)).toContainEqual({ term: 'Left out', detail: '1 event was skipped: x (could not be read).' });
  });

  it('says there is no next attempt once syncing stopped, and "within a minute" when due', () => {
    expect(healthLines({ ...base, status: 'error', lastSyncedAt: null }, london24, now)).toEqual([
      { term: 'Last successful sync', detail: 'Not yet' },
      { term: 'Next attempt', detail: 'None: syncing stopped after a day of errors. Use “Try again”.' },
    ]);
    expect(healthLines({ ...base, nextSyncAt: new Date(now - 1) }, london24, now).at(-1)).toEqual({ term: 'Next attempt', detail: 'Within a minute' });
  });
});
