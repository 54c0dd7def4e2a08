'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { DialogActions, DialogText, dialogFormClassName, ModalDialog } from '@/components/ui/modal-dialog';
import styles from './settings.module.css';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

/**
 * "Delete account": a react-aria modal asks the host to type their username. On success the session is
 * gone too, so the browser goes to the home page.
 */
export function DeleteAccount({ username, action }: { username: string; action: FormAction<{ cancelledBookings: number }> }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const [state, submit, pending] = useFormAction(action, { onSuccess: () => router.replace('/') });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const error = formError(state);
  return (
    <>
      <Button variant="danger" className={styles.submit} onClick={() => setOpen(true)}>
        Delete account
      </Button>
      <ModalDialog isOpen={open} onClose={() => setOpen(false)} isDismissable={!pending} title="Delete your account?" role="alertdialog">
        <DialogText>
          Every upcoming booking is cancelled and its invitee is emailed. Your calendars are disconnected, your booking pages stop working, your username becomes free for
          anyone, and your personal data is removed. This cannot be undone.
        </DialogText>
        <ActionForm dispatch={submit} className={dialogFormClassName}>
          <TextField label={`Type your username, ${username}, to confirm`} name="confirmUsername" autoComplete="off" required error={fieldErrors?.confirmUsername} />
          {error ? <Alert tone="error">{error}</Alert> : null}
          <DialogActions>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending} autoFocus>
              Keep my account
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? 'Deleting…' : 'Delete account'}
            </Button>
          </DialogActions>
        </ActionForm>
      </ModalDialog>
    </>
  );
}
