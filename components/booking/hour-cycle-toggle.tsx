'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { type HourCycle, setHourCycle, useHourCycle } from './hour-cycle';
import styles from './slot-picker.module.css';

const cycles: { value: HourCycle; label: string }[] = [
  { value: '12h', label: '12h' },
  { value: '24h', label: '24h' },
];

/** 12- or 24-hour times: two native radio buttons, so keyboard and screen readers need nothing extra. */
export function HourCycleToggle() {
  const t = useTranslations('invitee.pick');
  const cycle = useHourCycle();
  const name = useId();
  return (
    <fieldset className={styles.clock}>
      <legend className={styles.clockLegend}>{t('timeFormat')}</legend>
      <div className={styles.clockOptions}>
        {cycles.map((option) => (
          <label key={option.value} className={styles.clockOption}>
            <input type="radio" name={name} value={option.value} checked={cycle === option.value} onChange={() => setHourCycle(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
