'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import styles from './settings.module.css';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

/** Ends every session but this browser's, at once (for password and Google/Microsoft hosts alike). */
export function SessionsForm({ otherSessions, action }: { otherSessions: number; action: FormAction<{ ended: number }> }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  const error = formError(state);
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      <p className="muted">{otherSessions === 1 ? 'You are signed in on 1 other browser or device.' : `You are signed in on ${otherSessions} other browsers or devices.`}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.data.ended === 1 ? 'Signed out of 1 other session.' : `Signed out of ${state.data.ended} other sessions.`}</Alert> : null}
      <Button type="submit" variant="secondary" className={styles.submit} disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out of all other sessions'}
      </Button>
    </ActionForm>
  );
}
