'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { startTransition, useState } from 'react';
import { Button } from '@/components/ui/button';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { ApiKeyRow } from './api-key-rows';
import styles from './api-keys.module.css';

export type RevokeApiKeyAction = FormAction<{ id: string }, { id: string }>;

const scopeLabel = { read: 'Read', 'read-write': 'Read and write' } as const;

/** The host's keys, newest first: what each may do, when it was made and last used; revoke behind a confirmation. */
export function ApiKeyList({ keys, revoke }: { keys: ApiKeyRow[]; revoke: RevokeApiKeyAction }) {
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [state, dispatch, pending] = useFormAction(revoke, { refresh: true, onSuccess: () => setRevoking(null) });
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const error = state && !state.ok && state !== dismissed ? state.error.message : null;
  if (keys.length === 0) return <p className="muted">No keys yet.</p>;
  return (
    <>
      <ul className={styles.list}>
        {keys.map((key) => (
          <li key={key.id} className={styles.row}>
            <div className={styles.rowText}>
              <p className={styles.name}>
                {key.name} <span className={styles.scope}>{scopeLabel[key.scope]}</span>
              </p>
              <p className="muted">
                <code>{key.prefix}…</code> · Created {key.created} · {key.lastUsed ? `Last used ${key.lastUsed}` : 'Never used'}
              </p>
              {key.revoked ? <p className={styles.revoked}>Revoked {key.revoked}</p> : null}
            </div>
            {key.revoked ? null : (
              <Button variant="secondary" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        isOpen={revoking !== null}
        title={`Revoke “${revoking?.name}”?`}
        confirmLabel="Revoke"
        pendingLabel="Revoking…"
        pending={pending}
        error={error}
        onCancel={() => {
          setDismissed(state);
          setRevoking(null);
        }}
        onConfirm={() => {
          if (revoking) startTransition(() => dispatch({ id: revoking.id }));
        }}
      >
        Anything using this key stops working at once: its next request is refused. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
