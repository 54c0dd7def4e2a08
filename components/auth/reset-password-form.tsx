'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action-result';
import styles from './auth.module.css';
import { type LinkProblem, LinkProblemNotice } from './link-problem';

type ResetPassword = (previous: ActionResult<null, ResetLinkProblem> | null, form: FormData) => Promise<ActionResult<null, ResetLinkProblem>>;
type ResetLinkProblem = Exclude<LinkProblem, 'taken'>;

export function ResetPasswordForm({ action, token }: { action: ResetPassword; token: string }) {
  const [state, submit, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="Your password is set">
        Every session of your account has ended. <Link href="/signin">Sign in with your new password</Link>.
      </Alert>
    );
  }
  if (state?.error.problem) return <LinkProblemNotice problem={state.error.problem} kind="reset" />;
  const fieldErrors = state?.error.fieldErrors;
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      {state && !fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={fieldErrors?.password} />
      <Button type="submit" block disabled={pending}>
        {pending ? 'Saving…' : 'Set new password'}
      </Button>
    </ActionForm>
  );
}
