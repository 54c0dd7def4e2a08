'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { cancelBooking } from './api-client';
import { BookingPageFrame, layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import { ChangeDeadline, ChangesClosed, useChangesClosedReason } from './change-window';
import { bookingPageHref, inactiveReason, type ManagePageProps } from './managed-booking';
import { MeetingSummary } from './meeting-summary';
import { requestStatusKey } from './request-status';
import { useDetectedTimeZone } from './time-zones';
import { useErrorText } from './use-error-text';
import { useFocusOnMount } from './use-focus-on-mount';
import { useSingleSubmit } from './use-single-submit';

function Cancelled({ bookAgainHref }: { bookAgainHref: string | null }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const t = useTranslations('invitee.manage');
  return (
    <div className={layoutStyles.stack}>
      <h2 ref={headingRef} tabIndex={-1} className={layoutStyles.panelTitle}>
        {t('cancelledTitle')}
      </h2>
      <Alert tone="success">{t('cancelledNote')}</Alert>
      {bookAgainHref ? <Link href={bookAgainHref}>{t('bookNewTime')}</Link> : null}
    </div>
  );
}

/** The cancel link's page: the booking, an optional reason, and one button. */
export function CancelBookingPanel({ meetingType, booking, token }: ManagePageProps) {
  const t = useTranslations('invitee.manage');
  const form = useTranslations('invitee.form');
  const approval = useTranslations('approval');
  const { describe } = useErrorText();
  const changesClosedReason = useChangesClosedReason();
  const timeZone = useDetectedTimeZone(booking.timezone);
  const [status, setStatus] = useState(booking.status);
  const { submitting, error, run } = useSingleSubmit();
  const bookAgainHref = meetingType.isActive ? bookingPageHref(meetingType) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    await run(async () => {
      // Cancelling is idempotent on the server, so a retry after a lost reply is harmless.
      const result = await cancelBooking(booking.id, token, reason || undefined);
      if (!result.ok) return describe(result);
      setStatus('cancelled');
      return null;
    });
  }

  const details = (
    <MeetingSummary meetingType={meetingType}>
      <BookingTime start={booking.start} end={booking.end} timeZone={timeZone} />
      {status === 'confirmed' ? <ChangeDeadline changeWindow={booking.changeWindow} timeZone={timeZone} /> : null}
    </MeetingSummary>
  );
  const closed = status === 'confirmed' ? changesClosedReason(booking.changeWindow, timeZone) : null;
  const inactiveKey = status === 'rescheduled' ? inactiveReason(status) : null;
  // A request awaiting the host may be withdrawn; a declined or expired one is over.
  const pending = status === 'pending';
  const requestKey = requestStatusKey(status);
  const inactive = inactiveKey ? t(inactiveKey) : requestKey && !pending ? approval(requestKey, { host: meetingType.host.name }) : null;

  return (
    <BookingPageFrame details={details}>
      {status === 'cancelled' ? <Cancelled bookAgainHref={bookAgainHref} /> : null}
      {inactive || closed ? (
        <div className={layoutStyles.stack}>
          <h2 className={layoutStyles.panelTitle}>{t('cannotCancel')}</h2>
          {closed ? (
            <ChangesClosed reason={closed} hostName={meetingType.host.name} contactLine={meetingType.contactLine} started={booking.changeWindow.started} />
          ) : (
            <Alert tone="info">{inactive}</Alert>
          )}
        </div>
      ) : null}
      {(status === 'confirmed' && !closed) || pending ? (
        <form className={layoutStyles.stack} onSubmit={submit}>
          <h2 className={layoutStyles.panelTitle}>{pending ? approval('withdraw') : t('cancelQuestion')}</h2>
          {pending ? <Alert tone="info">{approval('pendingStatus', { host: meetingType.host.name })}</Alert> : null}
          <p className={layoutStyles.note}>{t('cancelNote', { name: booking.name, meeting: meetingType.name, host: meetingType.host.name })}</p>
          <TextAreaField label={t('reason')} name="reason" optional={form('optional')} maxLength={2000} />
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className={layoutStyles.actions}>
            <Button type="submit" variant="danger" disabled={submitting}>
              {submitting ? t('cancelling') : pending ? approval('withdraw') : t('cancelButton')}
            </Button>
          </div>
        </form>
      ) : null}
    </BookingPageFrame>
  );
}
