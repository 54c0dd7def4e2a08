'use client';

import { useState } from 'react';
import { useHostClock } from '@/components/dashboard/host-clock-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import fieldStyles from '@/components/ui/field.module.css';
import { type FormAction, submitPayload, useFormAction } from '@/components/ui/use-form-action';
import type { WeekDayHours } from '@/lib/hosts/availability/load';
import type { WeeklyHoursInput } from '@/lib/hosts/availability/schemas';
import { formatWallTime } from '@/lib/hosts/host-clock';
import { DISPLAY_ORDER, weekdayName } from '@/lib/hosts/availability/weekdays';
import styles from './availability.module.css';
import { CopyHoursMenu } from './copy-hours-menu';
import { copyToDays, type EditableWeek, editableWeek, updateDay, weeklyHoursInput, withoutWindow } from './week-editing';
import { WindowFields } from './window-fields';

/** Each weekday on or off with its windows, saved as a whole week. */
export function WeeklyHoursForm({ initialWeek, save }: { initialWeek: WeekDayHours[]; save: FormAction<WeeklyHoursInput, WeeklyHoursInput> }) {
  const [week, setWeek] = useState(() => editableWeek(initialWeek));
  const [state, submit, pending] = useFormAction(save, { onSuccess: (saved) => setWeek(editableWeek(saved.days)) });
  const clock = useHostClock();
  // An edit makes "saved" untrue; errors stay until the next save answers.
  const [edited, setEdited] = useState(false);
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const errorAt = (path: string) => fieldErrors?.[path];
  const edit = (change: (current: EditableWeek) => EditableWeek) => {
    setWeek(change);
    setEdited(true);
  };

  return (
    <form
      className={styles.section}
      aria-labelledby="weekly-hours-title"
      noValidate
      onSubmit={submitPayload(submit, () => {
        setEdited(false);
        return weeklyHoursInput(week);
      })}
    >
      <h2 id="weekly-hours-title" className={styles.sectionTitle}>
        Weekly hours
      </h2>
      <p className={styles.sectionHint}>When you can be booked in a usual week. {formatWallTime('24:00', clock)} is the end of the day.</p>
      <ul className={styles.days}>
        {DISPLAY_ORDER.map((dayOfWeek) => {
          const day = week[dayOfWeek];
          if (!day) return null;
          const name = weekdayName(dayOfWeek);
          const change = (next: typeof day) => edit((current) => updateDay(current, dayOfWeek, () => next));
          const dayError = errorAt(`days.${dayOfWeek}.windows`);
          return (
            <li key={dayOfWeek} className={styles.day}>
              <label className={styles.dayToggle}>
                <input type="checkbox" checked={day.available} onChange={(event) => change({ ...day, available: event.target.checked })} />
                <span>{name}</span>
              </label>
              <div className={styles.dayHours}>
                {day.available ? (
                  <WindowFields
                    label={name}
                    windows={day.windows}
                    onChange={(windows) => change({ ...day, windows })}
                    onRemoveLast={() => change(withoutWindow(day, 0))}
                    errorAt={(path) => errorAt(`days.${dayOfWeek}.windows.${path}`)}
                  />
                ) : (
                  <p className={styles.unavailable}>Unavailable</p>
                )}
                {dayError ? <p className={fieldStyles.error}>{dayError}</p> : null}
              </div>
              <CopyHoursMenu fromDay={dayOfWeek} onCopy={(targets) => edit((current) => copyToDays(current, dayOfWeek, targets))} />
            </li>
          );
        })}
      </ul>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok && !edited && !pending ? <Alert tone="success">Weekly hours saved. Your booking page shows them now.</Alert> : null}
      <div className={styles.actions}>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save weekly hours'}
        </Button>
      </div>
    </form>
  );
}
