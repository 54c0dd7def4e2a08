'use client';

import { useState, useTransition } from 'react';
import { useHostClock } from '@/components/dashboard/host-clock-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import fieldStyles from '@/components/ui/field.module.css';
import type { ActionResult } from '@/lib/actions/action-result';
import type { WeekDayHours } from '@/lib/hosts/availability/load';
import type { WeeklyHoursInput } from '@/lib/hosts/availability/schemas';
import { formatWallTime } from '@/lib/hosts/host-clock';
import { DISPLAY_ORDER, weekdayName } from '@/lib/hosts/availability/weekdays';
import styles from './availability.module.css';
import { copyToWorkingDays, type EditableWeek, editableWeek, updateDay, weeklyHoursInput, withoutWindow } from './week-editing';
import { WindowFields } from './window-fields';

type SaveWeeklyHours = (input: WeeklyHoursInput) => Promise<ActionResult<WeeklyHoursInput>>;

/** Each weekday on or off with its windows, saved as a whole week. */
export function WeeklyHoursForm({ initialWeek, save }: { initialWeek: WeekDayHours[]; save: SaveWeeklyHours }) {
  const [week, setWeek] = useState(() => editableWeek(initialWeek));
  const [result, setResult] = useState<ActionResult<WeeklyHoursInput> | null>(null);
  const [pending, startTransition] = useTransition();
  const clock = useHostClock();
  const fieldErrors = result && !result.ok ? result.error.fieldErrors : undefined;
  const errorAt = (path: string) => fieldErrors?.[path];
  // An edit makes "saved" untrue; errors stay until the next save answers.
  const edit = (change: (current: EditableWeek) => EditableWeek) => {
    setWeek(change);
    setResult((current) => (current?.ok ? null : current));
  };

  const submit = () =>
    startTransition(async () => {
      const answer = await save(weeklyHoursInput(week));
      // Updates after an await leave the transition unless wrapped again, and "Saving…" would outlive the answer.
      startTransition(() => {
        setResult(answer);
        if (answer.ok) setWeek(editableWeek(answer.data.days));
      });
    });

  return (
    <form
      className={styles.section}
      aria-labelledby="weekly-hours-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
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
              <Button variant="ghost" className={styles.copy} aria-label={`Copy to weekdays: ${name}’s hours, Monday to Friday`} onClick={() => edit((current) => copyToWorkingDays(current, dayOfWeek))}>
                Copy to weekdays
              </Button>
            </li>
          );
        })}
      </ul>
      {result && !result.ok ? <Alert tone="error">{result.error.message}</Alert> : null}
      {result?.ok ? <Alert tone="success">Weekly hours saved. Your booking page shows them now.</Alert> : null}
      <div className={styles.actions}>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save weekly hours'}
        </Button>
      </div>
    </form>
  );
}
