'use client';

import type { PublicMeetingTypeDetails } from '@/lib/hosts/public-meeting-type';
import { BookingForm } from './booking-form';
import { BookingPageFrame } from './booking-layout';
import { BookingTime } from './booking-time';
import { Confirmation } from './confirmation';
import { MeetingSummary } from './meeting-summary';
import { PickTimePanel } from './pick-time-panel';
import { useTimeChoice } from './use-time-choice';

/** The booking page: pick a date and time, enter details, see the confirmation. */
export function BookingFlow({ meetingType }: { meetingType: PublicMeetingTypeDetails }) {
  const choice = useTimeChoice();
  const { timeZone, step } = choice;

  const chosen = step.kind === 'confirm' ? step.slot : step.kind === 'done' ? step.booking : null;
  const details = (
    <MeetingSummary meetingType={meetingType}>
      {chosen && timeZone ? <BookingTime start={chosen.start} end={chosen.end} timeZone={timeZone} /> : null}
    </MeetingSummary>
  );

  return (
    <BookingPageFrame
      backHref={`/${meetingType.host.username}`}
      backLabel={`All meeting types of ${meetingType.host.name}`}
      details={details}
    >
      {step.kind === 'done' && timeZone ? (
        <Confirmation
          title="You’re booked"
          lead={`Your meeting with ${meetingType.host.name} is confirmed.`}
          booking={step.booking}
          meetingName={meetingType.name}
          hostName={meetingType.host.name}
          timeZone={timeZone}
        />
      ) : null}
      <PickTimePanel
        title="Select a date and time"
        notice={choice.notice}
        hidden={step.kind !== 'pick'}
        meetingTypeId={meetingType.id}
        maxDaysInFuture={meetingType.maxDaysInFuture}
        timeZone={timeZone}
        onTimeZoneChange={choice.setChosenZone}
        revision={choice.revision}
        onPick={choice.pick}
      />
      {step.kind === 'confirm' && timeZone ? (
        <BookingForm
          meetingTypeId={meetingType.id}
          slot={step.slot}
          timeZone={timeZone}
          onBooked={choice.done}
          onSlotTaken={choice.slotTaken}
          onBack={choice.back}
        />
      ) : null}
    </BookingPageFrame>
  );
}
