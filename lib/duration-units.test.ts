import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestUnit, durationUnits, toMinutes } from './duration-units';

describe('durations as a number and a unit', () => {
  it('shows a stored value in the largest unit that holds it whole', () => {
    expect(bestUnit(720, ['minutes', 'hours', 'days'])).toEqual({ amount: 12, unit: 'hours' });
    expect(bestUnit(10_080, ['minutes', 'hours', 'days'])).toEqual({ amount: 7, unit: 'days' });
    expect(bestUnit(90, ['minutes', 'hours'])).toEqual({ amount: 90, unit: 'minutes' });
    expect(bestUnit(0, ['minutes', 'hours'])).toEqual({ amount: 0, unit: 'minutes' });
    expect(bestUnit(56 * 1440, ['days', 'weeks'])).toEqual({ amount: 8, unit: 'weeks' });
    expect(bestUnit(60 * 1440, ['days', 'weeks'])).toEqual({ amount: 60, unit: 'days' });
  });

  it('round-trips: the shown number in its unit is the stored value again, and a whole number', () => {
    const units = fc.subarray([...durationUnits], { minLength: 1 }).map((picked) => [...picked].sort((a, b) => durationUnits.indexOf(a) - durationUnits.indexOf(b)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), units, (minutes, allowed) => {
        const shown = bestUnit(minutes, allowed);
        // Exact when a unit divides it; else within floating-point rounding (a smallest unit above minutes).
        expect(Math.abs(toMinutes(shown.amount, shown.unit) - minutes)).toBeLessThanOrEqual(minutes * 1e-12);
        if (allowed[0] === 'minutes') expect(Number.isInteger(shown.amount)).toBe(true);
      }),
    );
  });
});
