'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import styles from './settings.module.css';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

interface Saved {
  username: string;
  previousUsername: string | null;
}

interface RenamePolicy {
  redirectDays: number;
  renamesPerWindow: number;
  windowDays: number;
}

export function ProfileForm({ name, username, renamePolicy, action }: { name: string; username: string; renamePolicy: RenamePolicy; action: FormAction<Saved> }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const error = formError(state);
  // The hint names the page this username gives, as it is typed.
  const [typed, setTyped] = useState(username);
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      <TextField label="Name" name="name" defaultValue={name} autoComplete="name" required maxLength={255} error={fieldErrors?.name} />
      <TextField
        label="Username"
        name="username"
        defaultValue={username}
        onChange={(event) => setTyped(event.target.value.trim().toLowerCase())}
        autoComplete="username"
        required
        maxLength={64}
        hint={`Your booking page is /${typed || username}. Links with your old username keep working for ${renamePolicy.redirectDays} days. You can change it ${renamePolicy.renamesPerWindow} times in ${renamePolicy.windowDays} days.`}
        error={fieldErrors?.username}
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">
          {state.data.previousUsername
            ? `Saved. Your page is now /${state.data.username}; links to /${state.data.previousUsername} lead there for ${renamePolicy.redirectDays} days.`
            : 'Saved.'}
        </Alert>
      ) : null}
      <Button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Saving…' : 'Save profile'}
      </Button>
    </ActionForm>
  );
}
