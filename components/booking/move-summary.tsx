'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { Slot } from './api-client';
import { layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import styles from './meeting-summary.module.css';
import { useFocusOnMount } from './use-focus-on-mount';

/** The confirm step of a move: back to the times, the new time against the old one. */
export function MoveSummary({ slot, previous, timeZone, onBack }: { slot: Slot; previous: Slot; timeZone: string; onBack: () => void }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const t = useTranslations('invitee');
  return (
    <>
      <div>
        <Button variant="ghost" onClick={onBack} aria-label={t('form.backToTimes')}>
          ← {t('form.back')}
        </Button>
      </div>
      <h2 ref={headingRef} tabIndex={-1} className={layoutStyles.panelTitle}>
        {t('manage.confirmNewTime')}
      </h2>
      <div>
        <p className={styles.host}>{t('manage.newTime')}</p>
        <BookingTime start={slot.start} end={slot.end} timeZone={timeZone} />
      </div>
      <div>
        <p className={styles.host}>{t('manage.insteadOf')}</p>
        <BookingTime start={previous.start} end={previous.end} timeZone={timeZone} />
      </div>
    </>
  );
}
