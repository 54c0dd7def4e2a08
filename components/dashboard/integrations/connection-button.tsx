'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import styles from './integrations.module.css';

// A one-button form that runs one server action on one connection, refreshes the page when it
// worked, and shows the action's refusal (rate limit, not found) beside it.

export type ConnectionAction<T> = FormAction<T>;

export function ConnectionButton<T>(props: {
  connectionId: string;
  action: ConnectionAction<T>;
  children: string;
  pendingText: string;
  ariaLabel: string;
  variant?: 'primary' | 'secondary';
}) {
  const [state, submit, pending] = useFormAction(props.action, { refresh: true });
  return (
    <ActionForm dispatch={submit} className={styles.buttonForm}>
      <input type="hidden" name="connectionId" value={props.connectionId} />
      <Button type="submit" variant={props.variant ?? 'secondary'} disabled={pending} aria-label={props.ariaLabel}>
        {pending ? props.pendingText : props.children}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
    </ActionForm>
  );
}
