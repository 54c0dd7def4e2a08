'use client';

import { useTranslations } from 'next-intl';
import type { Tracking } from '@/lib/booking/tracking';
import type { PublicMeetingTypeDetails } from '@/lib/hosts/public-meeting-type';
import { postToEmbedder } from '@/components/embed/embed-bridge';
import type { Booking, Slot } from './api-client';
import { BookingForm, type Prefill } from './booking-form';
import { BookingPageFrame, layoutStyles } from './booking-layout';
import { BookingTime } from './booking-time';
import { Confirmation } from './confirmation';
import { RequestSent } from './request-sent';
import { MeetingSummary } from './meeting-summary';
import summaryStyles from './meeting-summary.module.css';
import type { OpeningSlots } from './opening-slots';
import { PickTimePanel } from './pick-time-panel';
import { useTimeChoice } from './use-time-choice';

interface Props {
  meetingType: PublicMeetingTypeDetails;
  /** Framed on another site (/embed/…): no back link; the manage links open in a new tab. */
  embedded?: boolean;
  /** Name, email and answers the page was opened with (`?name=…&email=…&q.<id>=…`). */
  prefill?: Prefill;
  /** utm_* parameters the page was opened with, stored with the booking. */
  tracking?: Tracking;
  /** The first month's slots, rendered with the page so the first times need no request. */
  openingSlots?: OpeningSlots | null;
  /** Opened from a one-time link (/d/{token}): the booking uses it up; no link to the host's list. */
  oneTimeLinkToken?: string | undefined;
}

/** The booking page: pick a date and time, enter details, see the confirmation. */
export function BookingFlow({ meetingType, embedded = false, prefill = {}, tracking = {}, openingSlots = null, oneTimeLinkToken }: Props) {
  const t = useTranslations('invitee');
  const links = useTranslations('oneTimeLinks');
  const approval = useTranslations('approval');
  const choice = useTimeChoice();
  const { timeZone, step } = choice;

  const chosen = step.kind === 'confirm' ? step.slot : step.kind === 'done' ? step.booking : null;
  const details = (
    <MeetingSummary meetingType={meetingType}>
      {chosen && timeZone ? <BookingTime start={chosen.start} end={chosen.end} timeZone={timeZone} /> : null}
      {oneTimeLinkToken && step.kind !== 'done' ? <p className={summaryStyles.policy}>{links('singleUse')}</p> : null}
      {/* Told before booking: the host confirms each request. */}
      {meetingType.requiresConfirmation && step.kind !== 'done' ? (
        <p className={layoutStyles.note} data-testid="requires-confirmation">
          {approval('pageNotice', { host: meetingType.host.name })}
        </p>
      ) : null}
    </MeetingSummary>
  );
  // The embedding page hears about each step (postToEmbedder sends nothing unless framed by embed.js).
  const pick = (slot: Slot) => {
    choice.pick(slot);
    postToEmbedder({ type: 'rendezvous:date_and_time_selected', start: slot.start });
  };
  const booked = (booking: Booking) => {
    choice.done(booking);
    postToEmbedder({ type: 'rendezvous:event_scheduled', booking: { id: booking.id, start: booking.start, end: booking.end, status: booking.status } });
  };

  return (
    <BookingPageFrame
      backHref={oneTimeLinkToken ? undefined : `/${meetingType.host.username}`}
      backLabel={t('meeting.allMeetingTypes', { host: meetingType.host.name })}
      details={details}
      embedded={embedded}
    >
      {step.kind === 'done' && timeZone && step.booking.status === 'pending' ? (
        <RequestSent booking={step.booking} meetingName={meetingType.name} hostName={meetingType.host.name} timeZone={timeZone} linksInNewTab={embedded} />
      ) : null}
      {step.kind === 'done' && timeZone && step.booking.status !== 'pending' ? (
        <Confirmation
          title={t('confirmation.bookedTitle')}
          lead={t('confirmation.bookedLead', { host: meetingType.host.name })}
          booking={step.booking}
          meetingName={meetingType.name}
          hostName={meetingType.host.name}
          timeZone={timeZone}
          linksInNewTab={embedded}
          changes={meetingType}
        />
      ) : null}
      <PickTimePanel
        title={t('pick.title')}
        notice={choice.notice}
        hidden={step.kind !== 'pick'}
        meetingTypeId={meetingType.id}
        maxDaysInFuture={meetingType.maxDaysInFuture}
        timeZone={timeZone}
        onTimeZoneChange={choice.setChosenZone}
        revision={choice.revision}
        openingSlots={openingSlots}
        onPick={pick}
      />
      {step.kind === 'confirm' && timeZone ? (
        <BookingForm
          meetingTypeId={meetingType.id}
          questions={meetingType.questions}
          slot={step.slot}
          timeZone={timeZone}
          prefill={prefill}
          tracking={tracking}
          oneTimeLinkToken={oneTimeLinkToken}
          onBooked={booked}
          onSlotTaken={choice.slotTaken}
          onBack={choice.back}
        />
      ) : null}
    </BookingPageFrame>
  );
}
