'use client';

import type { ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { DialogActions, DialogText, ModalDialog } from './modal-dialog';

interface Props {
  isOpen: boolean;
  title: string;
  /** What the action does and what it cannot undo. */
  children: ReactNode;
  /** The action's verb ("Delete", "Revoke") and its in-flight form ("Deleting…"). */
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Why the last attempt failed, shown inside the dialog (the page behind it is covered). */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a destructive action (react-aria modal: focus is trapped, Escape cancels, focus returns
 * after). "Keep it" has the focus, so Enter never destroys by accident.
 */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog isOpen={isOpen} onClose={onCancel} isDismissable={!pending} title={title} role="alertdialog">
      <DialogText>{children}</DialogText>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
          Keep it
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
