import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/field';
import { formatDuration } from '@/lib/booking/change-policy';
import { MAX_CONTACT_LINE_LENGTH } from '@/lib/hosts/meeting-types/limits';
import { DurationField } from './duration-field';
import { type DurationProps, storedValue } from './form-values';
import styles from './meeting-type-form.module.css';

type Errors = Record<string, string> | undefined;

function cutOffSentence(minutes: number | null): string {
  if (minutes === null || minutes < 0) return 'Invitees may cancel or reschedule until the time you set before the meeting.';
  if (minutes === 0) return 'Invitees may cancel or reschedule until the meeting starts.';
  return `Invitees may cancel or reschedule until ${formatDuration(minutes)} before the meeting.`;
}

/** The invitee's cut-off for changes, how to reach the host after it, and whether the meeting type is bookable. */
export function ChangesFields({ initial, errors, durations, onDuration }: { initial: { isActive: boolean; contactLine: string }; errors: Errors } & DurationProps) {
  const minutes = storedValue('minChangeNoticeMinutes', durations.minChangeNoticeMinutes);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Changes and status</legend>
      <DurationField
        label="Cut-off for invitee changes"
        name="minChangeNoticeMinutes"
        value={durations.minChangeNoticeMinutes}
        onChange={onDuration('minChangeNoticeMinutes')}
        hint={`${cutOffSentence(minutes)} You can always cancel yourself.`}
        error={errors?.minChangeNoticeMinutes}
      />
      <TextField
        label="How invitees reach you after the cut-off"
        name="contactLine"
        optional
        maxLength={MAX_CONTACT_LINE_LENGTH}
        defaultValue={initial.contactLine}
        hint="Shown with bookings that can no longer be changed online, e.g. “Call 020 7946 0000”. They can always reply to their confirmation email."
        error={errors?.contactLine}
      />
      <Checkbox name="isActive" label="Active" hint="Invitees can see and book it on your page." defaultChecked={initial.isActive} />
    </fieldset>
  );
}
