'use client';

import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';

export type RevokeLinkAction = FormAction<{ id: string }>;

/** Takes back a link that has not been used; the list shows it as revoked after the refresh. */
export function RevokeLinkButton({ linkId, createdAt, action }: { linkId: string; createdAt: string; action: RevokeLinkAction }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  return (
    <ActionForm dispatch={submit}>
      <input type="hidden" name="id" value={linkId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Revoke the link created ${createdAt}`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error.message}</Alert> : null}
    </ActionForm>
  );
}
