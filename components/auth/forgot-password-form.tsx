'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action-result';
import styles from './auth.module.css';

type ForgotPassword = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

export function ForgotPasswordForm({ action }: { action: ForgotPassword }) {
  const [state, submit, pending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      {state && !state.ok && !fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success" title="Check your email">
          If an account uses that address, we sent it a link to choose a new password. The link works for one hour.
        </Alert>
      ) : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors?.email} />
      <Button type="submit" block disabled={pending}>
        {pending ? 'Sending…' : 'Send reset link'}
      </Button>
    </ActionForm>
  );
}
