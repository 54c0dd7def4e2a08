import { describe, expect, it } from 'vitest';
import { splitRescheduleToken } from './reschedule-token';

describe('splitRescheduleToken', () => {
  it('takes the token out and leaves the rest of the query as it was', () => {
    const split = splitRescheduleToken('meetingTypeId=m&start=2027-01-11&rescheduleToken=abc%2B-_&end=2027-01-11&timezone=Europe%2FBerlin');
    expect(split.rescheduleToken).toBe('abc+-_');
    expect(Object.fromEntries(new URLSearchParams(split.search))).toEqual({
      meetingTypeId: 'm',
      start: '2027-01-11',
      end: '2027-01-11',
      timezone: 'Europe/Berlin',
    });
  });

  it('returns the query untouched and no token when the parameter is absent, and an empty token when it is empty', () => {
    expect(splitRescheduleToken('meetingTypeId=m&x=rescheduleToken')).toEqual({ search: 'meetingTypeId=m&x=rescheduleToken', rescheduleToken: null });
    expect(splitRescheduleToken('rescheduleToken=&start=2027-01-11')).toEqual({ search: 'start=2027-01-11', rescheduleToken: '' });
  });
});
