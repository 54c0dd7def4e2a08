import { Checkbox } from '@/components/ui/checkbox';
import styles from './meeting-type-form.module.css';

/** Whether the meeting type is listed on the host's page: a secret one is booked only by its URL. */
export function VisibilityFields({ initial }: { initial: { isSecret: boolean } }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Visibility</legend>
      <Checkbox
        name="isSecret"
        label="Secret"
        hint="Not listed on your page. Anyone with its link or a one-time link can still book it."
        defaultChecked={initial.isSecret}
      />
    </fieldset>
  );
}
