import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DurationFieldName, durationFields } from '@/lib/hosts/meeting-types/limits';
import { durationValue, storedValue } from './form-values';

describe('the meeting type form’s durations', () => {
  it('shows stored values in the unit a person would pick', () => {
    expect(durationValue('minNoticeMinutes', 720)).toEqual({ amount: '12', unit: 'hours' });
    expect(durationValue('minChangeNoticeMinutes', 10_080)).toEqual({ amount: '7', unit: 'days' });
    expect(durationValue('durationMinutes', 45)).toEqual({ amount: '45', unit: 'minutes' });
    expect(durationValue('maxDaysInFuture', 56)).toEqual({ amount: '8', unit: 'weeks' });
    expect(durationValue('maxDaysInFuture', 60)).toEqual({ amount: '60', unit: 'days' });
    expect(durationValue('slotIntervalMinutes', null)).toEqual({ amount: '', unit: 'minutes' });
  });

  it('reads back exactly what is stored, for every field and value', () => {
    const fields = Object.keys(durationFields) as DurationFieldName[];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.integer({ min: 0, max: 525_600 }), (field, stored) => {
        expect(storedValue(field, durationValue(field, stored))).toBe(stored);
      }),
    );
  });

  it('reads a typed number in its unit, and nothing from text that is not one', () => {
    expect(storedValue('minNoticeMinutes', { amount: '1.5', unit: 'hours' })).toBe(90);
    expect(storedValue('maxDaysInFuture', { amount: '2', unit: 'weeks' })).toBe(14);
    expect(storedValue('minNoticeMinutes', { amount: '', unit: 'hours' })).toBeNull();
    expect(storedValue('minNoticeMinutes', { amount: 'soon', unit: 'hours' })).toBeNull();
  });
});
