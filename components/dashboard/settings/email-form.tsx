'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import styles from './settings.module.css';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

/** A new address is mailed a link and takes effect only when it is opened. */
export function EmailForm({ email, pendingEmail, action }: { email: string; pendingEmail: string | null; action: FormAction<{ pendingEmail: string }> }) {
  const [pending, setPending] = useState(pendingEmail);
  const [state, submit, running] = useFormAction(action, { onSuccess: (data) => setPending(data.pendingEmail) });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const error = formError(state);
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      <p className="muted">
        Your address is <strong>{email}</strong>.
      </p>
      {pending ? (
        <Alert tone="info">
          We sent a confirmation link to <strong>{pending}</strong>. Your address changes when you open it (within 24 hours).
        </Alert>
      ) : null}
      <TextField label="New email address" name="email" type="email" autoComplete="email" required error={fieldErrors?.email} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" className={styles.submit} disabled={running}>
        {running ? 'Sending…' : 'Send confirmation link'}
      </Button>
    </ActionForm>
  );
}
