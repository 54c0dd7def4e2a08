'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { DialogActions, DialogText, dialogFormClassName, ModalDialog } from '@/components/ui/modal-dialog';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

export interface BookingActionWords {
  trigger: string;
  title: string;
  text: string;
  /** The optional text field ("Reason", "Message to Ann"). */
  field: { label: string; name: string; hint: string };
  keep: string;
  submit: string;
  pending: string;
  done: string;
}

interface Props {
  bookingId: string;
  /** Whether the booking allows the action now; the server checks again either way. */
  available: boolean;
  action: FormAction<unknown>;
  words: BookingActionWords;
  danger?: boolean;
}

/**
 * A host's action on a booking behind a confirmation dialog with one optional text (react-aria: focus
 * trap, Escape, focus return). On success the page re-renders from the server and says what happened.
 */
export function BookingActionDialog({ bookingId, available, action, words, danger = false }: Props) {
  const [open, setOpen] = useState(false);
  const [state, submit, pending] = useFormAction(action, { refresh: true, onSuccess: () => setOpen(false) });
  // Stays mounted after the change (the page re-renders without the action), so the outcome stays said.
  if (state?.ok) return <Alert tone="success">{words.done}</Alert>;
  if (!available) return null;
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const error = formError(state);
  return (
    <>
      <Button variant={danger ? 'danger' : 'secondary'} onClick={() => setOpen(true)}>
        {words.trigger}
      </Button>
      <ModalDialog isOpen={open} onClose={() => setOpen(false)} isDismissable={!pending} title={words.title}>
        <DialogText>{words.text}</DialogText>
        <ActionForm dispatch={submit} className={dialogFormClassName}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <TextAreaField label={words.field.label} name={words.field.name} optional maxLength={2000} hint={words.field.hint} error={fieldErrors?.[words.field.name]} />
          {error ? <Alert tone="error">{error}</Alert> : null}
          <DialogActions>
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
              {words.keep}
            </Button>
            <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={pending}>
              {pending ? words.pending : words.submit}
            </Button>
          </DialogActions>
        </ActionForm>
      </ModalDialog>
    </>
  );
}
