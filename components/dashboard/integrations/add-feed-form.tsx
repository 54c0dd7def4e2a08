'use client';

import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action-result';
import styles from './integrations.module.css';

export type AddFeedAction = (form: FormData) => Promise<ActionResult<{ connectionId: string }>>;

export function AddFeedForm({ action }: { action: AddFeedAction }) {
  const router = useRouter();
  const [state, submit, pending] = useActionState(async (_previous: ActionResult<{ connectionId: string }> | null, form: FormData) => {
    const result = await action(form);
    if (result.ok) router.refresh();
    return result;
  }, null);
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <ActionForm dispatch={submit} className={styles.form}>
      <TextField label="Feed address" name="url" type="url" inputMode="url" placeholder="https://…/basic.ics" required maxLength={2000} error={fieldErrors?.url} hint="A secret iCalendar address (https). Its events count as busy time." />
      <TextField label="Name" name="name" optional maxLength={100} error={fieldErrors?.name} />
      {state && !state.ok && !fieldErrors ? <Alert tone="error">{state.error.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Feed added. Its events now block time.</Alert> : null}
      <Button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Reading the feed…' : 'Add feed'}
      </Button>
    </ActionForm>
  );
}
