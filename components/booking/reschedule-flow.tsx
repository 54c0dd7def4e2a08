'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { BookingPageFrame, layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import { ChangeDeadline, ChangesClosed, changesClosedReason } from './change-window';
import { Confirmation } from './confirmation';
import { bookingPageHref, inactiveReason, type ManagePageProps } from './managed-booking';
import { MeetingSummary } from './meeting-summary';
import { NewTimeDeclined, NewTimeRequest } from './new-time-request';
import styles from './meeting-summary.module.css';
import { RescheduleConfirm } from './reschedule-confirm';
import { PickTimePanel } from './pick-time-panel';
import { useTimeChoice } from './use-time-choice';

/** The reschedule link's page: the current time, the same slot picker, then the new time and links. */
export function RescheduleFlow({ meetingType, booking, token }: ManagePageProps) {
  const choice = useTimeChoice();
  const [declining, setDeclining] = useState(false);
  const [declined, setDeclined] = useState(false);
  const { timeZone, step } = choice;
  const shownZone = timeZone ?? booking.timezone;
  const closed = booking.status === 'confirmed' ? changesClosedReason(booking.changeWindow, shownZone) : null;
  const inactive = inactiveReason(booking.status) ?? (meetingType.isActive ? null : 'This meeting type is no longer offered.');

  const details = (
    <MeetingSummary meetingType={meetingType}>
      <p className={styles.host}>{step.kind === 'done' ? 'Previously' : 'Currently booked'}</p>
      <BookingTime start={booking.start} end={booking.end} timeZone={shownZone} />
      {step.kind === 'done' ? null : <ChangeDeadline changeWindow={booking.changeWindow} timeZone={shownZone} />}
    </MeetingSummary>
  );

  if (declined) {
    return (
      <BookingPageFrame details={details}>
        <NewTimeDeclined hostName={meetingType.host.name} />
      </BookingPageFrame>
    );
  }

  if (inactive || closed) {
    return (
      <BookingPageFrame details={details}>
        <div className={layoutStyles.stack}>
          <h2 className={layoutStyles.panelTitle}>This booking can’t be rescheduled</h2>
          {inactive ? (
            <Alert tone="info">{inactive}</Alert>
          ) : closed ? (
            <ChangesClosed reason={closed} hostName={meetingType.host.name} contactLine={meetingType.contactLine} started={booking.changeWindow.started} />
          ) : null}
          {/* Not while this booking stands and cannot be moved: a second booking would not replace it. */}
          {meetingType.isActive && !closed ? <Link href={bookingPageHref(meetingType)}>Book a new time</Link> : null}
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
          changes={meetingType}
        />
      ) : null}
      {booking.newTimeRequest && step.kind === 'pick' ? (
        <NewTimeRequest
          bookingId={booking.id}
          token={token}
          hostName={meetingType.host.name}
          message={booking.newTimeRequest.message}
          declining={declining}
          onDecliningChange={setDeclining}
          onDeclined={() => setDeclined(true)}
        />
      ) : null}
      <PickTimePanel
        title="Pick a new date and time"
        notice={choice.notice}
        hidden={step.kind !== 'pick' || declining}
        meetingTypeId={meetingType.id}
        maxDaysInFuture={meetingType.maxDaysInFuture}
        timeZone={timeZone}
        onTimeZoneChange={choice.setChosenZone}
        revision={choice.revision}
        onPick={choice.pick}
        rescheduleToken={token}
        excludeStart={booking.start}
      />
      {step.kind === 'confirm' && timeZone ? (
        <RescheduleConfirm
          bookingId={booking.id}
          token={token}
          previous={booking}
          slot={step.slot}
          timeZone={timeZone}
          onRescheduled={choice.done}
          onSlotTaken={choice.slotTaken}
          onBack={choice.back}
        />
      ) : null}
    </BookingPageFrame>
  );
}
