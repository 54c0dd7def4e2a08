'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';
import settingsStyles from '../settings/settings.module.css';

export type RenameTeamAction = FormAction<unknown>;

export function RenameTeamForm({ teamId, name, action }: { teamId: string; name: string; action: RenameTeamAction }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <ActionForm dispatch={submit} className={settingsStyles.form} aria-label="Rename the team">
      <input type="hidden" name="teamId" value={teamId} />
      <TextField label="Team name" name="name" required maxLength={255} defaultValue={name} error={fieldErrors?.name} hint="The address stays the same." />
      {formError(state) ? <Alert tone="error">{formError(state)}</Alert> : null}
      {state?.ok ? <Alert tone="success">Saved.</Alert> : null}
      <Button type="submit" variant="secondary" className={settingsStyles.submit} disabled={pending}>
        {pending ? 'Saving…' : 'Save name'}
      </Button>
    </ActionForm>
  );
}
