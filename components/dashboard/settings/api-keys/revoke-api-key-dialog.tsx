'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';

interface Props {
  /** The key's name; null keeps the dialog closed. */
  name: string | null;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RevokeApiKeyDialog({ name, ...rest }: Props) {
  return (
    <ConfirmDialog isOpen={name !== null} title={`Revoke “${name}”?`} confirmLabel="Revoke" pendingLabel="Revoking…" {...rest}>
      Anything using this key stops working at once: its next request is refused. This cannot be undone.
    </ConfirmDialog>
  );
}
