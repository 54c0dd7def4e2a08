import { useId, useMemo } from 'react';
import styles from './slot-picker.module.css';
import { timeZoneOptions } from './time-zones';

export function TimeZoneSelect({ value, onChange }: { value: string; onChange: (timeZone: string) => void }) {
  const id = useId();
  const options = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <div className={styles.zone}>
      <label htmlFor={id} className={styles.zoneLabel}>
        Time zone
      </label>
      <select id={id} className={styles.zoneSelect} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
