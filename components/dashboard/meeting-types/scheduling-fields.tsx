import { TextField } from '@/components/ui/field';
import type { MeetingTypeFormValues } from './form-values';
import styles from './meeting-type-form.module.css';

type Errors = Record<string, string> | undefined;

/** When it can be booked: buffers, notice, how far ahead, the grid of start times and a daily cap. */
export function SchedulingFields({ initial, errors }: { initial: MeetingTypeFormValues; errors: Errors }) {
  const minutes = { type: 'number', inputMode: 'numeric', min: 0 } as const;
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>When invitees can book</legend>
      <div className={styles.fieldRow}>
        <TextField label="Buffer before (minutes)" name="bufferBeforeMinutes" {...minutes} max={1440} defaultValue={initial.bufferBeforeMinutes} error={errors?.bufferBeforeMinutes} />
        <TextField label="Buffer after (minutes)" name="bufferAfterMinutes" {...minutes} max={1440} defaultValue={initial.bufferAfterMinutes} error={errors?.bufferAfterMinutes} />
      </div>
      <div className={styles.fieldRow}>
        <TextField
          label="Minimum notice (minutes)"
          name="minNoticeMinutes"
          {...minutes}
          max={525600}
          defaultValue={initial.minNoticeMinutes}
          hint="How long before a start time it can still be booked."
          error={errors?.minNoticeMinutes}
        />
        <TextField
          label="Booking window (days ahead)"
          name="maxDaysInFuture"
          {...minutes}
          min={1}
          max={730}
          defaultValue={initial.maxDaysInFuture}
          hint="1 to 730 days."
          error={errors?.maxDaysInFuture}
        />
      </div>
      <div className={styles.fieldRow}>
        <TextField
          label="Start times every (minutes)"
          name="slotIntervalMinutes"
          {...minutes}
          min={5}
          max={1440}
          optional
          defaultValue={initial.slotIntervalMinutes}
          hint="Leave empty for every 15 minutes."
          error={errors?.slotIntervalMinutes}
        />
        <TextField
          label="Daily limit (bookings)"
          name="maxBookingsPerDay"
          {...minutes}
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
