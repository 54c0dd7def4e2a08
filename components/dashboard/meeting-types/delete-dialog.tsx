'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';

interface Props {
  /** The meeting type to delete; null keeps the dialog closed. */
  name: string | null;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteMeetingTypeDialog({ name, ...rest }: Props) {
  return (
    <ConfirmDialog isOpen={name !== null} title={`Delete “${name}”?`} confirmLabel="Delete" pendingLabel="Deleting…" {...rest}>
      Its booking page stops working at once and it disappears from your list. Meetings already booked are kept; invitees can still cancel them.
    </ConfirmDialog>
  );
}
