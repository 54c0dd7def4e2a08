'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogActions, DialogText, ModalDialog } from '@/components/ui/modal-dialog';

interface Props {
  /** The key's name; null keeps the dialog closed. */
  name: string | null;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before revoking (react-aria modal: focus is trapped, Escape cancels, focus returns after). */
export function RevokeApiKeyDialog({ name, pending, error, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog isOpen={name !== null} onClose={onCancel} isDismissable={!pending} title={`Revoke “${name}”?`} role="alertdialog">
      <DialogText>Anything using this key stops working at once: its next request is refused. This cannot be undone.</DialogText>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
          Keep it
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? 'Revoking…' : 'Revoke'}
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
