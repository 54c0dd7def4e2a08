import Link from 'next/link';
import { SelectField } from '@/components/ui/field';
import type { ScheduleSummary } from '@/lib/hosts/schedules/rows';
import styles from './meeting-type-form.module.css';

// Which of the host's schedules a meeting type offers. "" is the default schedule: the meeting type then
// follows whichever schedule the host makes the default later.

interface Props {
  schedules: ScheduleSummary[];
  /** The meeting type's schedule id, or "" for the default. */
  initial: string;
  error: string | undefined;
}

export function SchedulePicker({ schedules, initial, error }: Props) {
  const fallback = schedules.find((schedule) => schedule.isDefault);
  const others = schedules.filter((schedule) => !schedule.isDefault);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Hours it offers</legend>
      <SelectField
        label="Schedule"
        name="scheduleId"
        defaultValue={initial}
        error={error}
        hint={
          <>
            Weekly hours, date overrides and zone come from this schedule. <Link href="/dashboard/availability">Edit schedules</Link>
          </>
        }
      >
        <option value="">{fallback ? `Default schedule (${fallback.name})` : 'Default schedule'}</option>
        {others.map((schedule) => (
          <option key={schedule.id} value={schedule.id}>
            {schedule.name}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
