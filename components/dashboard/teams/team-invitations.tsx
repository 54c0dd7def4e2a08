'use client';

import { startTransition, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { TeamRole } from '@/lib/hosts/teams/schemas';
import { roleLabel } from './role-label';
import styles from './teams.module.css';

export interface InvitationRow {
  id: string;
  email: string;
  role: TeamRole;
  /** When the link stops working, in the host's words. */
  expires: string;
}

type InvitationAction = FormAction<unknown, { teamId: string; invitationId: string }>;

/** Open invitations: resend (a new link for 7 more days) or revoke (behind a confirmation). */
export function TeamInvitations({ teamId, invitations, manager, resend, revoke }: { teamId: string; invitations: InvitationRow[]; manager: boolean; resend: InvitationAction; revoke: InvitationAction }) {
  const [revoking, setRevoking] = useState<InvitationRow | null>(null);
  const [revoked, dispatchRevoke, revokePending] = useFormAction(revoke, { refresh: true, onSuccess: () => setRevoking(null) });
  const [resent, dispatchResend, resendPending] = useFormAction(resend, { refresh: true });
  const [dismissed, setDismissed] = useState<unknown>(null);
  const revokeError = revoked && !revoked.ok && revoked !== dismissed ? revoked.error.message : null;
  if (invitations.length === 0) return <p className="muted">No open invitations.</p>;
  return (
    <>
      <ul className={styles.list}>
        {invitations.map((invitation) => (
          <li key={invitation.id} className={styles.row}>
            <div className={styles.rowText}>
              <p className={styles.name}>
                {invitation.email} <span className={styles.badge}>{roleLabel[invitation.role]}</span>
              </p>
              <p className="muted">Link works until {invitation.expires}</p>
            </div>
            {manager ? (
              <div className={styles.rowActions}>
                <Button variant="secondary" disabled={resendPending} onClick={() => startTransition(() => dispatchResend({ teamId, invitationId: invitation.id }))} aria-label={`Resend the invitation to ${invitation.email}`}>
                  Resend
                </Button>
                <Button variant="secondary" onClick={() => setRevoking(invitation)} aria-label={`Revoke the invitation to ${invitation.email}`}>
                  Revoke
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {resent?.ok ? <Alert tone="success">Sent again, with a new link that works for 7 days.</Alert> : null}
      {resent && !resent.ok ? <Alert tone="error">{resent.error.message}</Alert> : null}
      <ConfirmDialog
        isOpen={revoking !== null}
        title={`Revoke the invitation to ${revoking?.email ?? ''}?`}
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        pending={revokePending}
        error={revokeError}
        onCancel={() => {
          setDismissed(revoked);
          setRevoking(null);
        }}
        onConfirm={() => {
          if (revoking) startTransition(() => dispatchRevoke({ teamId, invitationId: revoking.id }));
        }}
      >
        The link in their email stops working at once. You can invite the address again later.
      </ConfirmDialog>
    </>
  );
}
