import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@/lib/calendars/list-connections';
import { healthLines } from './connection-health';

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
    expect(healthLines(base, now)).toEqual([
      { term: 'Last successful sync', detail: '2027-01-11 11:55 UTC' },
      { term: 'Next attempt', detail: '2027-01-11 12:05 UTC' },
    ]);
  });

  it('flags busy times older than an hour', () => {
    expect(healthLines({ ...base, stale: true, lastSyncedAt: new Date('2027-01-11T10:00:00Z') }, now)[0]).toEqual({ term: 'Last successful sync', detail: '2027-01-11 10:00 UTC (over an hour ago: busy times may be out of date)' });
  });

  it('names the last error, how often it repeated, and what a sync left out', () => {
    const failing = { ...base, lastError: 'The calendar feed answered 503: the provider is having trouble', failureCount: 3, lastSyncWarning: '1 event was skipped: x (could not be read).' };
    expect(healthLines(failing, now)).toContainEqual({ term: 'Last error', detail: 'The calendar feed answered 503: the provider is having trouble (3 tries in a row)' });
    expect(healthLines(failing, now)).toContainEqual({ term: 'Left out', detail: '1 event was skipped: x (could not be read).' });
  });

  it('says there is no next attempt once syncing stopped, and "within a minute" when due', () => {
    expect(healthLines({ ...base, status: 'error', lastSyncedAt: null }, now)).toEqual([
      { term: 'Last successful sync', detail: 'Not yet' },
      { term: 'Next attempt', detail: 'None: syncing stopped after a day of errors. Use “Try again”.' },
    ]);
    expect(healthLines({ ...base, nextSyncAt: new Date(now - 1) }, now).at(-1)).toEqual({ term: 'Next attempt', detail: 'Within a minute' });
  });
});
