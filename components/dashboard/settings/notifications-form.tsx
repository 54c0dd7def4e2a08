'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import styles from './settings.module.css';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

export function NotificationsForm({ hostReminderEmails, action }: { hostReminderEmails: boolean; action: FormAction<{ hostReminderEmails: boolean }> }) {
  const [state, submit, pending] = useFormAction(action);
  const error = formError(state);
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      <Checkbox name="hostReminderEmails" label="Email me reminders too" hint="24 hours and 1 hour before each meeting, like your invitees get." defaultChecked={hostReminderEmails} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state?.ok ? <Alert tone="success">Saved.</Alert> : null}
      <Button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Saving…' : 'Save email settings'}
      </Button>
    </ActionForm>
  );
}
