import { describe, expect, it } from 'vitest';
import { graphEventVerdict } from './event-verdict';

const times = { start: { dateTime: '2027-01-11T15:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2027-01-11T16:00:00.0000000', timeZone: 'UTC' } };

describe('graphEventVerdict', () => {
  it('makes a busy occurrence busy', () => {
    expect(graphEventVerdict({ id: 'a', showAs: 'busy', type: 'occurrence', ...times })).toEqual({
      kind: 'busy',
      event: { id: 'a', start: new Date('2027-01-11T15:00:00Z'), end: new Date('2027-01-11T16:00:00Z') },
    });
  });

  it('ignores removed, cancelled, free, declined events and series masters', () => {
    expect(graphEventVerdict({ id: 'a', '@removed': { reason: 'deleted' } }).kind).toBe('not_busy');
    expect(graphEventVerdict({ id: 'b', isCancelled: true, ...times }).kind).toBe('not_busy');
    expect(graphEventVerdict({ id: 'c', showAs: 'free', ...times }).kind).toBe('not_busy');
    expect(graphEventVerdict({ id: 'd', responseStatus: { response: 'declined' }, ...times }).kind).toBe('not_busy');
    expect(graphEventVerdict({ id: 'e', type: 'seriesMaster', ...times }).kind).toBe('not_busy');
  });

  it('reads a zoned time', () => {
    const verdict = graphEventVerdict({ id: 'f', start: { dateTime: '2027-01-11T10:00:00.0000000', timeZone: 'America/New_York' }, end: { dateTime: '2027-01-11T11:00:00', timeZone: 'America/New_York' } });
    expect(verdict).toMatchObject({ event: { start: new Date('2027-01-11T15:00:00Z') } });
  });
});
