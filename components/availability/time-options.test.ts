import { describe, expect, it } from 'vitest';
import { timeOptions } from './time-options';

describe('timeOptions', () => {
  it('offers starts from 00:00 to 23:45 and ends from 00:15 to 24:00, every 15 minutes', () => {
    const starts = timeOptions('start');
    const ends = timeOptions('end');
    expect([starts.length, starts[0], starts.at(-1)]).toEqual([96, '00:00', '23:45']);
    expect([ends.length, ends[0], ends.at(-1)]).toEqual([96, '00:15', '24:00']);
  });

  it('keeps a stored time that is off the grid choosable, in order', () => {
    const values = timeOptions('start', '09:10');
    expect(values.slice(values.indexOf('09:00'), values.indexOf('09:00') + 3)).toEqual(['09:00', '09:10', '09:15']);
    expect(timeOptions('start', '09:15')).toHaveLength(96);
  });
});
