'use client';

import { useRouter } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';
import { useSlugFromName } from '../use-slug-from-name';
import settingsStyles from '../settings/settings.module.css';

export type CreateTeamAction = FormAction<{ id: string; slug: string }>;

/** Name and address in; on success, to the new team's page. The slug follows the name until edited. */
export function CreateTeamForm({ action }: { action: CreateTeamAction }) {
  const router = useRouter();
  const { slug, nameProps, slugProps } = useSlugFromName('');
  const [state, submit, pending] = useFormAction(action, { onSuccess: (team) => router.push(`/dashboard/teams/${team.slug}`) });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <ActionForm dispatch={submit} className={settingsStyles.form} aria-label="Create a team">
      <TextField label="Team name" name="name" required maxLength={255} error={fieldErrors?.name} {...nameProps} />
      <TextField
        label="URL slug"
        name="slug"
        required
        maxLength={64}
        autoCapitalize="none"
        spellCheck={false}
        {...slugProps}
        hint={`The team’s booking page: /team/${slug || 'your-team'}.`}
        error={fieldErrors?.slug}
      />
      {formError(state) ? <Alert tone="error">{formError(state)}</Alert> : null}
      <Button type="submit" className={settingsStyles.submit} disabled={pending}>
        {pending ? 'Creating…' : 'Create team'}
      </Button>
    </ActionForm>
  );
}
