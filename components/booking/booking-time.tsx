'use client';

import { useLocale } from 'next-intl';
import { formatLongDate, formatTimeRange, formatZoneLabel } from './format-time';
import { useHourCycle } from './hour-cycle';
import { CalendarIcon, GlobeIcon } from './icons';
import styles from './meeting-summary.module.css';

/** "9:00 AM – 9:30 AM, Tuesday, November 24, 2026" and the zone it is shown in. */
export function BookingTime({ start, end, timeZone }: { start: string; end: string; timeZone: string }) {
  const hourCycle = useHourCycle();
  const locale = useLocale();
  return (
    <ul className={styles.facts}>
      <li className={styles.fact}>
        <CalendarIcon />
        <time dateTime={start} className={styles.whenTime} data-testid="booking-time">
          {formatTimeRange(start, end, timeZone, hourCycle, locale)}, {formatLongDate(start, timeZone, locale)}
        </time>
      </li>
      <li className={styles.fact}>
        <GlobeIcon />
        <span className={styles.whenZone}>{formatZoneLabel(timeZone, start)}</span>
      </li>
    </ul>
  );
}
