'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import type { Slot } from './api-client';
import { layoutStyles } from './booking-layout';
import type { OpeningSlots } from './opening-slots';
import { SlotPicker } from './slot-picker';

interface Props {
  title: string;
  /** Why the last pick could not be booked, shown above the times. */
  notice: string | null;
  hidden: boolean;
  meetingTypeId: string;
  maxDaysInFuture: number;
  timeZone: string | null;
  onTimeZoneChange: (timeZone: string) => void;
  /** Bumped to make the picker fetch the times again. */
  revision: number;
  /** The first month's slots, sent with the booking page (a reschedule page fetches). */
  openingSlots?: OpeningSlots | null | undefined;
  onPick: (slot: Slot) => void;
  /** On a reschedule link: also offer times that overlap the booking being moved. */
  rescheduleToken?: string | undefined;
  /** On the dashboard: the host's own booking being moved. */
  hostBookingId?: string | undefined;
  /** On a reschedule link: the booking's current start, not offered. */
  excludeStart?: string | undefined;
}

/** The date-and-time step shared by booking and rescheduling; kept mounted while hidden, so Back returns to the same month and day. */
export function PickTimePanel(props: Props) {
  const t = useTranslations('invitee.pick');
  const { title, notice, hidden, meetingTypeId, maxDaysInFuture, timeZone, onTimeZoneChange, revision, openingSlots, onPick, rescheduleToken, hostBookingId, excludeStart } = props;
  return (
    <div hidden={hidden}>
      <div className={layoutStyles.stack}>
        <h2 className={layoutStyles.panelTitle}>{title}</h2>
        {notice ? (
          <Alert tone="error" title={t('cannotBook')}>
            {notice}
          </Alert>
        ) : null}
        <SlotPicker
          meetingTypeId={meetingTypeId}
          timeZone={timeZone}
          onTimeZoneChange={onTimeZoneChange}
          maxDaysInFuture={maxDaysInFuture}
          revision={revision}
          openingSlots={openingSlots}
          onPick={onPick}
          rescheduleToken={rescheduleToken}
          hostBookingId={hostBookingId}
          excludeStart={excludeStart}
        />
      </div>
    </div>
  );
}
