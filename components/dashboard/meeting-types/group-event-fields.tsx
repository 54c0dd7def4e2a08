import { TextField } from '@/components/ui/field';
import { MAX_SEATS_PER_SLOT, MIN_SEATS_PER_SLOT } from '@/lib/hosts/meeting-types/limits';
import styles from './meeting-type-form.module.css';

/** A group event: how many invitees may book the same time (empty: one, an ordinary meeting type). */
export function GroupEventFields({ initial, errors }: { initial: { seatsPerSlot: string }; errors: Record<string, string> | undefined }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Group event</legend>
      <TextField
        label="Seats per time"
        name="seatsPerSlot"
        type="number"
        inputMode="numeric"
        min={MIN_SEATS_PER_SLOT}
        max={MAX_SEATS_PER_SLOT}
        optional
        defaultValue={initial.seatsPerSlot}
        hint="Leave empty for one invitee per time. With seats, each invitee books their own seat, gets their own confirmation and never sees the others; you get one calendar event with everyone."
        error={errors?.seatsPerSlot}
      />
    </fieldset>
  );
}
