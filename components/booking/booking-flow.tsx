'use client';

import { useState } from 'react';
import type { PublicMeetingTypeDetails } from '@/lib/hosts/public-meeting-type';
import type { Booking, Slot } from './api-client';
import { BookingForm } from './booking-form';
import { BookingPageFrame } from './booking-layout';
import { BookingTime } from './booking-time';
import { Confirmation } from './confirmation';
import { MeetingSummary } from './meeting-summary';
import { PickTimePanel } from './pick-time-panel';
import { useDetectedTimeZone } from './time-zones';

type Step = { kind: 'pick' } | { kind: 'details'; slot: Slot } | { kind: 'booked'; booking: Booking };

/** The booking page: pick a date and time, enter details, see the confirmation. */
export function BookingFlow({ meetingType }: { meetingType: PublicMeetingTypeDetails }) {
  const detectedZone = useDetectedTimeZone(null);
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const timeZone = chosenZone ?? detectedZone;
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const chosen = step.kind === 'details' ? step.slot : step.kind === 'booked' ? step.booking : null;
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
      {step.kind === 'booked' && timeZone ? (
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
        notice={notice}
        hidden={step.kind !== 'pick'}
        meetingTypeId={meetingType.id}
        maxDaysInFuture={meetingType.maxDaysInFuture}
        timeZone={timeZone}
        onTimeZoneChange={setChosenZone}
        revision={revision}
        onPick={(slot) => {
          setNotice(null);
          setStep({ kind: 'details', slot });
        }}
      />
      {step.kind === 'details' && timeZone ? (
        <BookingForm
          meetingTypeId={meetingType.id}
          slot={step.slot}
          timeZone={timeZone}
          onBooked={(booking) => setStep({ kind: 'booked', booking })}
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
