import { describe, expect, it } from 'vitest';
import { googleEventVerdict } from './event-verdict';

const timed = { start: { dateTime: '2027-01-11T10:00:00-05:00' }, end: { dateTime: '2027-01-11T11:00:00-05:00' } };

describe('googleEventVerdict', () => {
  it('makes a timed event busy, in UTC', () => {
    expect(googleEventVerdict({ id: 'a', status: 'confirmed', ...timed }, 'UTC')).toEqual({
      kind: 'busy',
      event: { id: 'a', start: new Date('2027-01-11T15:00:00Z'), end: new Date('2027-01-11T16:00:00Z') },
    });
  });

  it('ignores cancelled, transparent (free) and declined events', () => {
    expect(googleEventVerdict({ id: 'a', status: 'cancelled' }, 'UTC').kind).toBe('not_busy');
    expect(googleEventVerdict({ id: 'b', transparency: 'transparent', ...timed }, 'UTC').kind).toBe('not_busy');
    const declined = { id: 'c', ...timed, attendees: [{ self: true, responseStatus: 'declined' }, { responseStatus: 'accepted' }] };
    expect(googleEventVerdict(declined, 'UTC').kind).toBe('not_busy');
    const someoneElseDeclined = { id: 'd', ...timed, attendees: [{ self: true, responseStatus: 'accepted' }, { responseStatus: 'declined' }] };
    expect(googleEventVerdict(someoneElseDeclined, 'UTC').kind).toBe('busy');
  });

  it('places all-day events at midnight in the calendar zone', () => {
    const verdict = googleEventVerdict({ id: 'e', start: { date: '2027-07-01' }, end: { date: '2027-07-02' } }, 'Europe/Berlin');
    expect(verdict).toEqual({ kind: 'busy', event: { id: 'e', start: new Date('2027-06-30T22:00:00Z'), end: new Date('2027-07-01T22:00:00Z') } });
  });

  it('treats an event without usable times as not busy', () => {
    expect(googleEventVerdict({ id: 'f', start: { dateTime: 'nonsense' }, end: { dateTime: 'x' } }, 'UTC').kind).toBe('not_busy');
  });
});
