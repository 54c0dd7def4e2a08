'use client';

import { useActionState, useState, useSyncExternalStore } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { TimeZoneCombobox } from '@/components/ui/time-zone-combobox';
import type { ActionResult } from '@/lib/actions/action-result';
import styles from './auth.module.css';

type SignUp = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const subscribeToNothing = () => () => {};

/** `email` prefills the address; `callbackUrl` is where the new account lands (checked again on the server). */
export function SignUpForm({ action, email, callbackUrl }: { action: SignUp; email?: string | undefined; callbackUrl?: string }) {
  const [state, submit, pending] = useActionState(action, null);
  // Preselected from the browser once it has hydrated; the host can pick another.
  const detected = useSyncExternalStore(subscribeToNothing, browserZone, () => '');
  const [chosen, setChosen] = useState<string | null>(null);
  const timeZone = chosen ?? detected;
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  // The hint names the page this username gives, as it is typed (as in settings).
  const [typed, setTyped] = useState('');
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      {state && !state.ok && !fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" required error={fieldErrors?.name} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={email} error={fieldErrors?.email} />
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        required
        onChange={(event) => setTyped(event.target.value.trim().toLowerCase())}
        hint={typed ? `Your booking page will be at /${typed}.` : 'Your booking page will be at /your-username.'}
        error={fieldErrors?.username}
      />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={fieldErrors?.password} />
      <TimeZoneCombobox name="timeZone" value={timeZone} onChange={setChosen} error={fieldErrors?.timeZone} />
      <Button type="submit" block disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </ActionForm>
  );
}
