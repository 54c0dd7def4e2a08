'use client';

import { type ReactNode, startTransition, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import { PayloadButton } from './payload-button';
import { SecretOnce } from './secret-once';
import cardStyles from '../integrations/integrations.module.css';
import styles from './webhooks.module.css';

export interface EndpointCardActions {
  sendTest: FormAction<{ deliveryId: string }, { id: string }>;
  rotate: FormAction<{ secret: string }, { id: string }>;
  setEnabled: FormAction<unknown, { id: string; enabled: boolean }>;
  remove: FormAction<{ id: string }, { id: string }>;
}

export interface EndpointCardData {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  /** "Off: …" in words, or null when on. */
  offReason: string | null;
  failingSince: string | null;
}

/** One endpoint: what it receives, its state, its buttons; its delivery log comes in as children. */
export function EndpointCard({ endpoint, actions, children }: { endpoint: EndpointCardData; actions: EndpointCardActions; children: ReactNode }) {
  const [confirming, setConfirming] = useState(false);
  const [removal, remove, removing] = useFormAction(actions.remove, { refresh: true, onSuccess: () => setConfirming(false) });
  const id = { id: endpoint.id };
  return (
    <Card>
      {/* The same card header as a calendar connection's. */}
      <div className={cardStyles.connectionHeader}>
        <h3 className={cardStyles.account}>{endpoint.url}</h3>
        <span className={styles.meta}>{endpoint.enabled ? 'On' : endpoint.offReason}</span>
      </div>
      <p className={styles.meta}>Events: {endpoint.events.join(', ')}</p>
      {endpoint.failingSince ? <p className={styles.meta}>Failing since {endpoint.failingSince}. After 3 days of failures it is turned off.</p> : null}
      <div className={styles.buttons}>
        {endpoint.enabled ? (
          <PayloadButton action={actions.sendTest} payload={id} pendingText="Sending…" variant="primary" ariaLabel={`Send test event to ${endpoint.url}`}>
            Send test event
          </PayloadButton>
        ) : null}
        <PayloadButton action={actions.rotate} payload={id} pendingText="Rotating…" ariaLabel={`Rotate secret of ${endpoint.url}`} done={(data) => <SecretOnce title="New signing secret" secret={data.secret} />}>
          Rotate secret
        </PayloadButton>
        <PayloadButton action={actions.setEnabled} payload={{ id: endpoint.id, enabled: !endpoint.enabled }} pendingText={endpoint.enabled ? 'Turning off…' : 'Turning on…'} ariaLabel={`${endpoint.enabled ? 'Turn off' : 'Turn on'} ${endpoint.url}`}>
          {endpoint.enabled ? 'Turn off' : 'Turn on'}
        </PayloadButton>
        <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Delete ${endpoint.url}`}>
          Delete
        </Button>
      </div>
      {children}
      <ConfirmDialog
        isOpen={confirming}
        title="Delete this endpoint?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={removing}
        error={removal && !removal.ok ? removal.error.message : null}
        onConfirm={() => startTransition(() => remove(id))}
        onCancel={() => setConfirming(false)}
      >
        Nothing more is sent to {endpoint.url}, and its delivery log is deleted with it.
      </ConfirmDialog>
    </Card>
  );
}
