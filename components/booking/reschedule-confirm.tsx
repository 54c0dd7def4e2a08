'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { type Booking, newIdempotencyKey, rescheduleBooking, type Slot } from './api-client';
import { layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import type { ManagedBooking } from './managed-booking';
import styles from './meeting-summary.module.css';
import { useErrorText } from './use-error-text';
import { useFocusOnMount } from './use-focus-on-mount';

interface Props {
  bookingId: string;
  token: string;
  previous: ManagedBooking;
  slot: Slot;
  timeZone: string;
  onRescheduled: (booking: Booking) => void;
  onSlotTaken: (message: string) => void;
  onBack: () => void;
}

/** The old time against the new one, and the button that moves the booking. */
export function RescheduleConfirm({ bookingId, token, previous, slot, timeZone, onRescheduled, onSlotTaken, onBack }: Props) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  // One key per chosen time: a retry after a lost reply gets the booking the first attempt made.
  const attempt = useRef<{ start: string; key: string } | null>(null);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const t = useTranslations('invitee');
  const { describe } = useErrorText();

  async function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      if (attempt.current?.start !== slot.start) attempt.current = { start: slot.start, key: newIdempotencyKey() };
      const result = await rescheduleBooking(bookingId, token, slot.start, attempt.current.key);
      if (result.ok) onRescheduled(result.data.booking);
      else if (result.error.code === 'slot_unavailable') onSlotTaken(describe(result));
      else setError(describe(result));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return (
    <div className={layoutStyles.stack}>
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
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className={layoutStyles.actions}>
        <Button onClick={confirm} disabled={submitting}>
          {submitting ? t('manage.rescheduling') : t('manage.confirmButton')}
        </Button>
      </div>
    </div>
  );
}
