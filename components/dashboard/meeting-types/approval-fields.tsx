import { Checkbox } from '@/components/ui/checkbox';
import { TextField } from '@/components/ui/field';
import styles from './meeting-type-form.module.css';

type Errors = Record<string, string> | undefined;

/** Requires confirmation: each booking is a request the host approves, declined on its own if unanswered. */
export function ApprovalFields({ initial, errors }: { initial: { requiresConfirmation: boolean; autoDeclineAfterHours: string }; errors: Errors }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Approval</legend>
      <Checkbox
        name="requiresConfirmation"
        label="Requires confirmation"
        hint="Each booking is a request you approve or decline. Its time is held for the invitee until you answer."
        defaultChecked={initial.requiresConfirmation}
      />
      <TextField
        label="Decline unanswered requests after (hours)"
        name="autoDeclineAfterHours"
        type="number"
        inputMode="numeric"
        min={1}
        max={720}
        optional
        defaultValue={initial.autoDeclineAfterHours}
        hint="Empty: a request you have not answered is declined when the meeting would start."
        error={errors?.autoDeclineAfterHours}
      />
    </fieldset>
  );
}
