import { describe, expect, it } from 'vitest';
import { changeDeadline, describeNotice } from './change-notice';

describe('the change cut-off', () => {
  it('closes the stated time before the start', () => {
    expect(changeDeadline(Date.parse('2027-01-12T09:00:00Z'), 24 * 60)).toBe(Date.parse('2027-01-11T09:00:00Z'));
    expect(changeDeadline(1_000_000, 0)).toBe(1_000_000);
  });

  it('reads in whole hours where it can', () => {
    expect(describeNotice(1440)).toBe('24 hours');
    expect(describeNotice(3 * 1440)).toBe('3 days');
    expect(describeNotice(36 * 60)).toBe('36 hours');
    expect(describeNotice(60)).toBe('1 hour');
    expect(describeNotice(90)).toBe('90 minutes');
    expect(describeNotice(1)).toBe('1 minute');
  });
});
