'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { type Booking, isSlotGone, newIdempotencyKey, rescheduleBooking, type Slot } from './api-client';
import { layoutStyles } from './booking-layout';
import type { ManagedBooking } from './managed-booking';
import { MoveSummary } from './move-summary';
import { useErrorText } from './use-error-text';
import { useSingleSubmit } from './use-single-submit';

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
  const { submitting, error, run } = useSingleSubmit();
  // One key per chosen time: a retry after a lost reply gets the booking the first attempt made.
  const attempt = useRef<{ start: string; key: string } | null>(null);
  const t = useTranslations('invitee');
  const { describe } = useErrorText();

  const confirm = () =>
    run(async () => {
      if (attempt.current?.start !== slot.start) attempt.current = { start: slot.start, key: newIdempotencyKey() };
      const result = await rescheduleBooking(bookingId, token, slot.start, attempt.current.key);
      if (result.ok) onRescheduled(result.data.booking);
      else if (isSlotGone(result.error.code)) onSlotTaken(describe(result));
      else return describe(result);
      return null;
    });

  return (
    <div className={layoutStyles.stack}>
      <MoveSummary slot={slot} previous={previous} timeZone={timeZone} onBack={onBack} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className={layoutStyles.actions}>
        <Button onClick={confirm} disabled={submitting}>
          {submitting ? t('manage.rescheduling') : t('manage.confirmButton')}
        </Button>
      </div>
    </div>
  );
}
