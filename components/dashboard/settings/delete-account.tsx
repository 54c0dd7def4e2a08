'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import dialog from '@/components/ui/dialog.module.css';
import { TextField } from '@/components/ui/field';
import styles from './settings.module.css';
import { formError, type SettingsAction, useSettingsAction } from './use-settings-action';

/**
 * "Delete account": a react-aria modal asks the host to type their username. On success the session is
 * gone too, so the browser goes to the home page.
 */
export function DeleteAccount({ username, action }: { username: string; action: SettingsAction<{ cancelledBookings: number }> }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const [state, submit, pending] = useSettingsAction(action, { onSuccess: () => router.replace('/') });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const error = formError(state);
  return (
    <>
      <Button variant="danger" className={styles.submit} onClick={() => setOpen(true)}>
        Delete account
      </Button>
      <ModalOverlay isOpen={open} onOpenChange={(next) => !pending && setOpen(next)} isDismissable={!pending} className={dialog.overlay}>
        <Modal className={dialog.modal}>
          <Dialog role="alertdialog" className={dialog.dialog}>
            <Heading slot="title" className={dialog.dialogTitle}>
              Delete your account?
            </Heading>
            <p className={dialog.dialogText}>
              Every upcoming booking is cancelled and its invitee is emailed. Your calendars are disconnected, your booking pages stop working, your username becomes free
              for anyone, and your personal data is removed. This cannot be undone.
            </p>
            <ActionForm dispatch={submit} className={styles.form}>
              <TextField label={`Type your username, ${username}, to confirm`} name="confirmUsername" autoComplete="off" required error={fieldErrors?.confirmUsername} />
              {error ? <Alert tone="error">{error}</Alert> : null}
              <div className={dialog.dialogActions}>
                <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending} autoFocus>
                  Keep my account
                </Button>
                <Button type="submit" variant="danger" disabled={pending}>
                  {pending ? 'Deleting…' : 'Delete account'}
                </Button>
              </div>
            </ActionForm>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
