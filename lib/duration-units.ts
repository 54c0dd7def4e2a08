// Durations as a number and a unit, for forms that store minutes (or days) but let people type
// "12 hours". Pure arithmetic, no words: the wording lives with whoever shows it.

export const durationUnits = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** Each unit in minutes. */
export const unitMinutes: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440, weeks: 10_080 };

export function isDurationUnit(value: unknown): value is DurationUnit {
  return typeof value === 'string' && (durationUnits as readonly string[]).includes(value);
}

/**
 * The largest of `units` that holds `minutes` a whole number of times (720 → 12 hours, 90 → 90 minutes).
 * Zero, or a value no unit divides, takes `units[0]`, the field's smallest unit.
 */
export function bestUnit(minutes: number, units: readonly DurationUnit[]): { amount: number; unit: DurationUnit } {
  const smallest = units[0] ?? 'minutes';
  if (minutes !== 0) {
    for (const unit of [...units].sort((a, b) => unitMinutes[b] - unitMinutes[a])) {
      if (minutes % unitMinutes[unit] === 0) return { amount: minutes / unitMinutes[unit], unit };
    }
  }
  return { amount: minutes / unitMinutes[smallest], unit: smallest };
}

/** `amount` of `unit` in minutes; fractions stay as they are (the caller decides what is whole enough). */
export function toMinutes(amount: number, unit: DurationUnit): number {
  return amount * unitMinutes[unit];
}
