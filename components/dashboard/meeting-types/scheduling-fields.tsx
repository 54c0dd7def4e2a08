import { TextField } from '@/components/ui/field';
import { explainBuffers } from './buffer-example';
import { DurationField } from './duration-field';
import { type DurationProps, type DurationValues, storedValue } from './form-values';
import styles from './meeting-type-form.module.css';

type Errors = Record<string, string> | undefined;

/** The buffer explanation from the form's current values (null while one is not a number). */
function bufferExplanation(durations: DurationValues): string | null {
  const duration = storedValue('durationMinutes', durations.durationMinutes);
  const before = storedValue('bufferBeforeMinutes', durations.bufferBeforeMinutes);
  const after = storedValue('bufferAfterMinutes', durations.bufferAfterMinutes);
  const interval = durations.slotIntervalMinutes.amount.trim() === '' ? null : storedValue('slotIntervalMinutes', durations.slotIntervalMinutes);
  if (duration === null || before === null || after === null || Number.isNaN(interval)) return null;
  return explainBuffers({ durationMinutes: duration, bufferBeforeMinutes: before, bufferAfterMinutes: after, slotIntervalMinutes: interval });
}

/** When it can be booked: buffers, notice, how far ahead, the grid of start times and a daily cap. */
export function SchedulingFields({ initial, errors, durations, onDuration }: { initial: { maxBookingsPerDay: string }; errors: Errors } & DurationProps) {
  const field = (name: keyof DurationValues) => ({ name, value: durations[name], onChange: onDuration(name), error: errors?.[name] });
  const explanation = bufferExplanation(durations);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>When invitees can book</legend>
      <div className={styles.fieldRow}>
        <DurationField label="Buffer before" {...field('bufferBeforeMinutes')} />
        <DurationField label="Buffer after" {...field('bufferAfterMinutes')} />
      </div>
      {explanation ? (
        <p className={styles.explain} data-testid="buffer-explanation" aria-live="polite">
          {explanation}
        </p>
      ) : null}
      <div className={styles.fieldRow}>
        <DurationField label="Minimum notice" {...field('minNoticeMinutes')} hint="How long before a start time it can still be booked." />
        <DurationField label="Booking window" {...field('maxDaysInFuture')} hint="How far ahead it can be booked: 1 to 730 days." />
      </div>
      <div className={styles.fieldRow}>
        <DurationField label="Start times every" optional {...field('slotIntervalMinutes')} hint="Leave empty for every 15 minutes." />
        <TextField
          label="Daily limit (bookings)"
          name="maxBookingsPerDay"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          optional
          defaultValue={initial.maxBookingsPerDay}
          hint="Leave empty for no limit."
          error={errors?.maxBookingsPerDay}
        />
      </div>
    </fieldset>
  );
}
