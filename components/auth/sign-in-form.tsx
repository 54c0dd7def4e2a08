'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action-result';
import styles from './auth.module.css';

type SignIn = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

export function SignInForm({ action, callbackUrl }: { action: SignIn; callbackUrl: string }) {
  const [state, submit, pending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      {state && !state.ok && !fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors?.password} />
      <Button type="submit" block disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </ActionForm>
  );
}
