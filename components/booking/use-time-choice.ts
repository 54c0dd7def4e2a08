'use client';

import { useState } from 'react';
import type { Booking, Slot } from './api-client';
import { useDetectedTimeZone } from './time-zones';

export type TimeChoiceStep = { kind: 'pick' } | { kind: 'confirm'; slot: Slot } | { kind: 'done'; booking: Booking };

/**
 * The state both booking and rescheduling walk through: the invitee's zone (detected, or chosen),
 * pick a time → confirm it → done. A time taken meanwhile sends the invitee back to fresh times with
 * the reason shown above them. `startZone` (the host moving a booking: their own zone) replaces the
 * browser's until one is chosen.
 */
export function useTimeChoice(startZone: string | null = null) {
  const detectedZone = useDetectedTimeZone(null);
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const [step, setStep] = useState<TimeChoiceStep>({ kind: 'pick' });
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  return {
    timeZone: chosenZone ?? startZone ?? detectedZone,
    setChosenZone,
    step,
    notice,
    /** Bumped when the times must be fetched again. */
    revision,
    pick: (slot: Slot) => {
      setNotice(null);
      setStep({ kind: 'confirm', slot });
    },
    back: () => setStep({ kind: 'pick' }),
    done: (booking: Booking) => setStep({ kind: 'done', booking }),
    slotTaken: (message: string) => {
      setNotice(message);
      setRevision((r) => r + 1);
      setStep({ kind: 'pick' });
    },
  };
}
