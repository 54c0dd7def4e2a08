'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { cancelBooking, describeError } from './api-client';
import { BookingPageFrame, layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import { ChangeDeadline, ChangesClosed, changesClosedReason } from './change-window';
import { bookingPageHref, inactiveReason, type ManagePageProps } from './managed-booking';
import { MeetingSummary } from './meeting-summary';
import { useDetectedTimeZone } from './time-zones';
import { useFocusOnMount } from './use-focus-on-mount';
import { useSingleSubmit } from './use-single-submit';

function Cancelled({ bookAgainHref }: { bookAgainHref: string | null }) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className={layoutStyles.stack}>
      <h2 ref={headingRef} tabIndex={-1} className={layoutStyles.panelTitle}>
        Cancelled
      </h2>
      <Alert tone="success">This meeting is cancelled and its time is free again.</Alert>
      {bookAgainHref ? <Link href={bookAgainHref}>Book a new time</Link> : null}
    </div>
  );
}

/** The cancel link's page: the booking, an optional reason, and one button. */
export function CancelBookingPanel({ meetingType, booking, token }: ManagePageProps) {
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
      if (!result.ok) return describeError(result);
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
  const inactive = status === 'rescheduled' ? inactiveReason(status) : null;

  return (
    <BookingPageFrame details={details}>
      {status === 'cancelled' ? <Cancelled bookAgainHref={bookAgainHref} /> : null}
      {inactive || closed ? (
        <div className={layoutStyles.stack}>
          <h2 className={layoutStyles.panelTitle}>This booking can’t be cancelled</h2>
          {closed ? (
            <ChangesClosed reason={closed} hostName={meetingType.host.name} contactLine={meetingType.contactLine} started={booking.changeWindow.started} />
          ) : (
            <Alert tone="info">{inactive}</Alert>
          )}
        </div>
      ) : null}
      {status === 'confirmed' && !closed ? (
        <form className={layoutStyles.stack} onSubmit={submit}>
          <h2 className={layoutStyles.panelTitle}>Cancel this meeting?</h2>
          <p className={layoutStyles.note}>
            {booking.name}, your booking of {meetingType.name} with {meetingType.host.name} will be cancelled and its time freed up.
          </p>
          <TextAreaField label="Reason for cancelling" name="reason" optional maxLength={2000} />
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className={layoutStyles.actions}>
            <Button type="submit" variant="danger" disabled={submitting}>
              {submitting ? 'Cancelling…' : 'Cancel booking'}
            </Button>
          </div>
        </form>
      ) : null}
    </BookingPageFrame>
  );
}
