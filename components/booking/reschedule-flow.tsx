'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import type { Booking, Slot } from './api-client';
import { BookingPageFrame, layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import { Confirmation } from './confirmation';
import { bookingPageHref, inactiveReason, type ManagePageProps } from './managed-booking';
import { MeetingSummary } from './meeting-summary';
import styles from './meeting-summary.module.css';
import { RescheduleConfirm } from './reschedule-confirm';
import { PickTimePanel } from './pick-time-panel';
import { useDetectedTimeZone } from './time-zones';

type Step = { kind: 'pick' } | { kind: 'confirm'; slot: Slot } | { kind: 'done'; booking: Booking };

/** The reschedule link's page: the current time, the same slot picker, then the new time and links. */
export function RescheduleFlow({ meetingType, booking, token }: ManagePageProps) {
  const detectedZone = useDetectedTimeZone(null);
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const timeZone = chosenZone ?? detectedZone;
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const shownZone = timeZone ?? booking.timezone;
  const inactive = inactiveReason(booking.status) ?? (meetingType.isActive ? null : 'This meeting type is no longer offered.');

  const details = (
    <MeetingSummary meetingType={meetingType}>
      <p className={styles.host}>{step.kind === 'done' ? 'Previously' : 'Currently booked'}</p>
      <BookingTime start={booking.start} end={booking.end} timeZone={shownZone} />
    </MeetingSummary>
  );

  if (inactive) {
    return (
      <BookingPageFrame details={details}>
        <div className={layoutStyles.stack}>
          <h2 className={layoutStyles.panelTitle}>This booking can’t be rescheduled</h2>
          <Alert tone="info">{inactive}</Alert>
          {meetingType.isActive ? <Link href={bookingPageHref(meetingType)}>Book a new time</Link> : null}
        </div>
      </BookingPageFrame>
    );
  }

  return (
    <BookingPageFrame details={details}>
      {step.kind === 'done' && timeZone ? (
        <Confirmation
          title="Rescheduled"
          lead={`Your meeting with ${meetingType.host.name} has moved to the new time below.`}
          booking={step.booking}
          meetingName={meetingType.name}
          hostName={meetingType.host.name}
          timeZone={timeZone}
        />
      ) : null}
      <PickTimePanel
        title="Pick a new date and time"
        notice={notice}
        hidden={step.kind !== 'pick'}
        meetingTypeId={meetingType.id}
        maxDaysInFuture={meetingType.maxDaysInFuture}
        timeZone={timeZone}
        onTimeZoneChange={setChosenZone}
        revision={revision}
        onPick={(slot) => {
          setNotice(null);
          setStep({ kind: 'confirm', slot });
        }}
      />
      {step.kind === 'confirm' && timeZone ? (
        <RescheduleConfirm
          bookingId={booking.id}
          token={token}
          previous={booking}
          slot={step.slot}
          timeZone={timeZone}
          onRescheduled={(next) => setStep({ kind: 'done', booking: next })}
          onSlotTaken={(message) => {
            setNotice(message);
            setRevision((r) => r + 1);
            setStep({ kind: 'pick' });
          }}
          onBack={() => setStep({ kind: 'pick' })}
        />
      ) : null}
    </BookingPageFrame>
  );
}
