'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import fieldStyles from '@/components/ui/field.module.css';
import type { WallWindow } from '@/lib/hosts/availability/wall-windows';
import { formatWallTime } from '@/lib/hosts/host-clock';
import { useHostClock } from '@/components/dashboard/host-clock-provider';
import { timeOptions } from './time-options';
import styles from './availability.module.css';
import { nextWindow } from './week-editing';

// One day's start–end windows: a pair of native quarter-hour selects each, with add and remove.
// Errors sit beside the field they concern.

interface Props {
  /** What the windows belong to, for labels: "Monday", "Override". */
  label: string;
  windows: WallWindow[];
  onChange: (windows: WallWindow[]) => void;
  /** Errors by path under this list: "0.endTime", "1.startTime". */
  errorAt: (path: string) => string | undefined;
  /** Called instead of removing the last window, when the caller has something better to do. */
  onRemoveLast?: () => void;
}

function TimeSelect({ id, label, kind, value, error, onChange }: { id: string; label: string; kind: 'start' | 'end'; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const clock = useHostClock();
  return (
    <div className={styles.timeField}>
      <label htmlFor={id} className={styles.visuallyHidden}>
        {label}
      </label>
      <select id={id} className={`${fieldStyles.control} ${styles.timeSelect}`} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {timeOptions(kind, value).map((time) => (
          <option key={time} value={time}>
            {formatWallTime(time, clock)}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className={fieldStyles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function WindowFields({ label, windows, onChange, errorAt, onRemoveLast }: Props) {
  const id = useId();
  const added = nextWindow(windows);
  const change = (index: number, patch: Partial<WallWindow>) => onChange(windows.map((window, i) => (i === index ? { ...window, ...patch } : window)));
  const remove = (index: number) => (windows.length === 1 && onRemoveLast ? onRemoveLast() : onChange(windows.filter((_, i) => i !== index)));
  return (
    <div className={styles.windows}>
      {windows.map((window, index) => {
        const name = windows.length > 1 ? `${label}, hours ${index + 1}` : label;
        return (
          <div key={index} className={styles.windowRow}>
            <TimeSelect id={`${id}-${index}-start`} label={`${name}: from`} kind="start" value={window.startTime} error={errorAt(`${index}.startTime`)} onChange={(startTime) => change(index, { startTime })} />
            <span aria-hidden="true" className={styles.dash}>
              –
            </span>
            <TimeSelect id={`${id}-${index}-end`} label={`${name}: until`} kind="end" value={window.endTime} error={errorAt(`${index}.endTime`)} onChange={(endTime) => change(index, { endTime })} />
            <Button variant="ghost" aria-label={`Remove ${name}`} onClick={() => remove(index)}>
              Remove
            </Button>
          </div>
        );
      })}
      <div>
        <Button variant="ghost" disabled={added === null} onClick={() => added && onChange([...windows, added])}>
          + Add hours
        </Button>
      </div>
    </div>
  );
}
