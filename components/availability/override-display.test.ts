import { describe, expect, it } from 'vitest';
import { describeOverrideHours, formatOverrideDate } from './override-display';

describe('override display', () => {
  it('shows the calendar date itself, whatever zone the process runs in', () => {
    expect(formatOverrideDate('2027-01-11')).toBe('Mon, Jan 11, 2027');
    expect(formatOverrideDate('2027-12-31')).toBe('Fri, Dec 31, 2027');
  });

  it('describes a date off and a date with windows', () => {
    const windows = [
      { startTime: '09:00', endTime: '12:00' },
      { startTime: '13:00', endTime: '24:00' },
    ];
    expect(describeOverrideHours({ unavailable: true, windows: [] }, '24h')).toBe('Unavailable all day');
    expect(describeOverrideHours({ unavailable: false, windows }, '24h')).toBe('09:00–12:00, 13:00–24:00');
    expect(describeOverrideHours({ unavailable: false, windows }, '12h')).toBe('9:00 AM – 12:00 PM, 1:00 PM – 12:00 AM');
  });
});
