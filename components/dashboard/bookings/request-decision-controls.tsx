'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';
import { BookingActionDialog } from './booking-action-dialog';

interface Props {
  bookingId: string;
  /** Whether the booking is still a request; the server checks again either way. */
  pending: boolean;
  inviteeName: string;
  approve: FormAction<unknown>;
  decline: FormAction<unknown>;
}

/** A pending request's two answers: Approve at once, or Decline behind a dialog with an optional reason for the invitee. */
export function RequestDecisionControls({ bookingId, pending: isRequest, inviteeName, approve, decline }: Props) {
  const [state, submit, pending] = useFormAction(approve, { refresh: true });
  const error = formError(state);
  // Stays mounted after the change (the page re-renders as confirmed), so the outcome stays said.
  if (state?.ok) return <Alert tone="success">Request approved. {inviteeName} has been sent the confirmation.</Alert>;
  return (
    <>
      {isRequest ? (
        <ActionForm dispatch={submit}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <Button type="submit" disabled={pending}>
            {pending ? 'Approving…' : 'Approve'}
          </Button>
          {error ? <Alert tone="error">{error}</Alert> : null}
        </ActionForm>
      ) : null}
      <BookingActionDialog
        bookingId={bookingId}
        available={isRequest}
        action={decline}
        danger
        words={{
          trigger: 'Decline…',
          title: 'Decline this request?',
          text: `${inviteeName} will be told, and the time is freed for others to book.`,
          field: { label: 'Reason', name: 'reason', hint: `Included in the email to ${inviteeName}.` },
          keep: 'Keep request',
          submit: 'Decline request',
          pending: 'Declining…',
          done: 'Request declined. Its time is free again.',
        }}
      />
    </>
  );
}
