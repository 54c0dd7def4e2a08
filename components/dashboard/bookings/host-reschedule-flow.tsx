'use client';

import { useRouter } from 'next/navigation';
import { isSlotGone, type Slot } from '@/components/booking/api-client';
import { layoutStyles } from '@/components/booking/booking-layout';
import { MoveSummary } from '@/components/booking/move-summary';
import { PickTimePanel } from '@/components/booking/pick-time-panel';
import { useTimeChoice } from '@/components/booking/use-time-choice';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

interface Props {
  booking: { id: string; start: string; end: string; meetingTypeId: string; maxDaysInFuture: number; inviteeName: string };
  /** The host's zone: the picker starts in it. */
  timeZone: string;
  action: FormAction<{ bookingId: string }>;
}

/**
 * The host moves a booking for the invitee: the invitee's own picker (the booking's time counts as
 * free), then the old time against the new one with an optional message, then the new booking's page.
 */
export function HostRescheduleFlow({ booking, timeZone: hostZone, action }: Props) {
  const router = useRouter();
  // The invitee's picker and its steps; starts in the host's zone.
  const choice = useTimeChoice(hostZone);
  const { timeZone, step } = choice;
  const move: typeof action = async (form) => {
    const result = await action(form);
    // Someone took it meanwhile: back to fresh times, with the reason above them.
    if (!result.ok && isSlotGone(result.error.code)) choice.slotTaken(result.error.message);
    return result;
  };
  const [state, submit, pending] = useFormAction(move, { onSuccess: ({ bookingId }) => router.push(`/dashboard/bookings/${bookingId}?moved=1`) });
  const taken = state && !state.ok && isSlotGone(state.error.code);
  return (
    <>
      <PickTimePanel
        title="Pick the new time"
        notice={choice.notice}
        hidden={step.kind !== 'pick'}
        meetingTypeId={booking.meetingTypeId}
        maxDaysInFuture={booking.maxDaysInFuture}
        timeZone={timeZone}
        onTimeZoneChange={choice.setChosenZone}
        revision={choice.revision}
        onPick={choice.pick}
        hostBookingId={booking.id}
        excludeStart={booking.start}
      />
      {step.kind === 'confirm' && timeZone ? <ConfirmMove booking={booking} slot={step.slot} timeZone={timeZone} submit={submit} pending={pending} error={taken ? null : formError(state)} fieldError={state && !state.ok ? state.error.fieldErrors?.message : undefined} onBack={choice.back} /> : null}
    </>
  );
}

interface ConfirmProps {
  booking: Props['booking'];
  slot: Slot;
  timeZone: string;
  submit: (form: FormData) => void;
  pending: boolean;
  error: string | null;
  fieldError: string | undefined;
  onBack: () => void;
}

function ConfirmMove({ booking, slot, timeZone, submit, pending, error, fieldError, onBack }: ConfirmProps) {
  return (
    <div className={layoutStyles.stack}>
      <MoveSummary slot={slot} previous={booking} timeZone={timeZone} onBack={onBack} />
      <ActionForm dispatch={submit} className={layoutStyles.stack}>
        <input type="hidden" name="bookingId" value={booking.id} />
        <input type="hidden" name="start" value={slot.start} />
        <TextAreaField label={`Message to ${booking.inviteeName}`} name="message" optional maxLength={2000} hint="Included in the email about the new time." error={fieldError} />
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className={layoutStyles.actions}>
          <Button type="submit" disabled={pending}>
            {pending ? 'Moving…' : `Move and email ${booking.inviteeName}`}
          </Button>
        </div>
      </ActionForm>
    </div>
  );
}
