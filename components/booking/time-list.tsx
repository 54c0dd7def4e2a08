'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Slot } from './api-client';
import { formatDayHeading, formatTime } from './format-time';
import { useHourCycle } from './hour-cycle';
import { SeatsLeft, useTimeLabel } from './seats-left';
import styles from './slot-picker.module.css';

/** The open start times of one invitee-local day; picking one moves on to the details. */
export function TimeList({ day, slots, timeZone, onPick }: { day: string; slots: Slot[]; timeZone: string; onPick: (slot: Slot) => void }) {
  const t = useTranslations('invitee.pick');
  const locale = useLocale();
  const heading = formatDayHeading(day, locale);
  const hourCycle = useHourCycle();
  const timeLabel = useTimeLabel();
  return (
    <div className={styles.times}>
      <h3 className={styles.timesTitle}>{heading}</h3>
      <ul className={styles.timeList} aria-label={t('openTimesOn', { day: heading })}>
        {slots.map((slot) => {
          const time = formatTime(slot.start, timeZone, hourCycle, locale);
          return (
            <li key={slot.start}>
              <button
                type="button"
                className={styles.time}
                aria-label={timeLabel(time, slot.seatsLeft)}
                data-start={slot.start}
                onClick={() => onPick(slot)}
              >
                {time}
                {slot.seatsLeft !== undefined && (
                  <>
                    {' '}
                    <SeatsLeft count={slot.seatsLeft} />
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
