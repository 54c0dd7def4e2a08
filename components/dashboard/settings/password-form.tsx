'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import styles from './settings.module.css';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

export function PasswordForm({ action }: { action: FormAction<{ signedInAgain: boolean }> }) {
  // A new key after a success empties the fields (ActionForm keeps what was typed otherwise).
  const [generation, setGeneration] = useState(0);
  const [state, submit, pending] = useFormAction(action, { onSuccess: () => setGeneration((n) => n + 1) });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const error = formError(state);
  return (
    <ActionForm key={generation} dispatch={submit} className={styles.form}>
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldErrors?.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={fieldErrors?.newPassword}
      />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldErrors?.confirmPassword} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">
          {state.data.signedInAgain
            ? 'Password changed. Every other device is signed out.'
            : 'Password changed. Every device is signed out, this one too: sign in again with the new password.'}
        </Alert>
      ) : null}
      <Button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </ActionForm>
  );
}
