'use client';

import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import styles from '@/components/ui/dialog.module.css';

interface Props {
  /** The meeting type to delete; null keeps the dialog closed. */
  name: string | null;
  pending: boolean;
  /** Why the last attempt failed, shown inside the dialog (the page behind it is covered). */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a delete (react-aria modal: focus is trapped, Escape cancels, focus returns after). */
export function DeleteMeetingTypeDialog({ name, pending, error, onConfirm, onCancel }: Props) {
  return (
    <ModalOverlay isOpen={name !== null} onOpenChange={(open) => !open && !pending && onCancel()} isDismissable={!pending} className={styles.overlay}>
      <Modal className={styles.modal}>
        <Dialog role="alertdialog" className={styles.dialog}>
          <Heading slot="title" className={styles.dialogTitle}>
            Delete “{name}”?
          </Heading>
          <p className={styles.dialogText}>
            Its booking page stops working at once and it disappears from your list. Meetings already booked are kept; invitees can still cancel them.
          </p>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className={styles.dialogActions}>
            <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
              Keep it
            </Button>
            <Button variant="danger" onClick={onConfirm} disabled={pending}>
              {pending ? 'Deleting…' : 'Delete'}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
