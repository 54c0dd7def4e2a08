'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogActions, DialogText, ModalDialog } from '@/components/ui/modal-dialog';

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
    <ModalDialog isOpen={name !== null} onClose={onCancel} isDismissable={!pending} title={`Delete “${name}”?`} role="alertdialog">
      <DialogText>Its booking page stops working at once and it disappears from your list. Meetings already booked are kept; invitees can still cancel them.</DialogText>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
          Keep it
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? 'Deleting…' : 'Delete'}
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
