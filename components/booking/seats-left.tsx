'use client';

import { useTranslations } from 'next-intl';
import styles from './seats-left.module.css';

/**
 * A group event's "N seats left" under its time. The button's label says the time and the seats in
 * the same order, so what a voice-control user reads on screen is part of its name.
 */
export function SeatsLeft({ count }: { count: number }) {
  const t = useTranslations('seats');
  return <span className={styles.seatsLeft}>{t('seatsLeft', { count })}</span>;
}

/** The time button's accessible name: with the seats left on a group event. */
export function useTimeLabel(): (time: string, seatsLeft: number | undefined) => string {
  const pick = useTranslations('invitee.pick');
  const seats = useTranslations('seats');
  return (time, seatsLeft) => (seatsLeft === undefined ? pick('bookTime', { time }) : seats('bookTime', { time, count: seatsLeft }));
}
