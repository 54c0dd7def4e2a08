'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action-result';
import { DialogActions, DialogText, dialogFormClassName, ModalDialog } from '@/components/ui/modal-dialog';

type CancelAction = (form: FormData) => Promise<ActionResult<{ status: string }>>;

interface Props {
  bookingId: string;
  inviteeName: string;
  /** Confirmed and not yet started; the server checks again either way. */
  cancellable: boolean;
  action: CancelAction;
}

/** "Cancel booking" and its confirmation dialog (react-aria: focus trap, Escape, focus return). */
export function CancelBookingControl({ bookingId, inviteeName, cancellable, action }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useActionState(async (_previous: ActionResult<{ status: string }> | null, form: FormData) => {
    const result = await action(form);
    if (result.ok) {
      setOpen(false);
      router.refresh();
    }
    return result;
  }, null);
  if (state?.ok) return <Alert tone="success">Booking cancelled. Its time is free again.</Alert>;
  if (!cancellable) return null;
  const error = state && !state.ok ? state.error : null;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Cancel booking…
      </Button>
      <ModalDialog isOpen={open} onClose={() => setOpen(false)} isDismissable={!pending} title="Cancel this booking?">
        <DialogText>The meeting with {inviteeName} will be cancelled and its time freed for others to book.</DialogText>
        <ActionForm dispatch={submit} className={dialogFormClassName}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <TextAreaField label="Reason" name="reason" optional maxLength={2000} hint="Kept with the booking." error={error?.fieldErrors?.reason} />
          {error && !error.fieldErrors ? <Alert tone="error">{error.message}</Alert> : null}
          <DialogActions>
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
              Keep booking
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? 'Cancelling…' : 'Cancel booking'}
            </Button>
          </DialogActions>
        </ActionForm>
      </ModalDialog>
    </>
  );
}
