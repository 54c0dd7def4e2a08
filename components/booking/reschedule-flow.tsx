'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { BookingPageFrame, layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import { ChangeDeadline, ChangesClosed, useChangesClosedReason } from './change-window';
import { Confirmation } from './confirmation';
import { bookingPageHref, inactiveReason, type ManagePageProps } from './managed-booking';
import { requestStatusKey } from './request-status';
import { MeetingSummary } from './meeting-summary';
import { NewTimeDeclined, NewTimeRequest } from './new-time-request';
import styles from './meeting-summary.module.css';
import { RescheduleConfirm } from './reschedule-confirm';
import { PickTimePanel } from './pick-time-panel';
import { useTimeChoice } from './use-time-choice';

/** The reschedule link's page: the current time, the same slot picker, then the new time and links. */
export function RescheduleFlow({ meetingType, booking, token }: ManagePageProps) {
  const t = useTranslations('invitee');
  const approval = useTranslations('approval');
  const changesClosedReason = useChangesClosedReason();
  const choice = useTimeChoice();
  const [declining, setDeclining] = useState(false);
  const [declined, setDeclined] = useState(false);
  const { timeZone, step } = choice;
  const shownZone = timeZone ?? booking.timezone;
  const closed = booking.status === 'confirmed' ? changesClosedReason(booking.changeWindow, shownZone) : null;
  const inactiveKey = inactiveReason(booking.status) ?? (meetingType.isActive ? null : 'typeGone');
  // A request is moved by withdrawing it and asking again: only a confirmed booking has a time to change.
  const requestKey = requestStatusKey(booking.status);
  const inactive = requestKey ? approval(requestKey, { host: meetingType.host.name }) : inactiveKey ? t(`manage.${inactiveKey}`) : null;

  const details = (
    <MeetingSummary meetingType={meetingType}>
      <p className={styles.host}>{step.kind === 'done' ? t('manage.previously') : t('manage.currentlyBooked')}</p>
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
          <h2 className={layoutStyles.panelTitle}>{t('manage.cannotReschedule')}</h2>
          {inactive ? (
            <Alert tone="info">{inactive}</Alert>
          ) : closed ? (
            <ChangesClosed reason={closed} hostName={meetingType.host.name} contactLine={meetingType.contactLine} started={booking.changeWindow.started} />
          ) : null}
          {/* Not while this booking stands and cannot be moved: a second booking would not replace it. */}
          {meetingType.isActive && !closed ? <Link href={bookingPageHref(meetingType)}>{t('manage.bookNewTime')}</Link> : null}
        </div>
      </BookingPageFrame>
    );
  }

  return (
    <BookingPageFrame details={details}>
      {step.kind === 'done' && timeZone ? (
        <Confirmation
          title={t('confirmation.rescheduledTitle')}
          lead={t('confirmation.rescheduledLead', { host: meetingType.host.name })}
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
        title={t('pick.rescheduleTitle')}
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
