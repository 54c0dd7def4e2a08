'use client';

import { useRouter } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';

export type AcceptInvitationAction = FormAction<{ teamSlug: string }>;

/** Joins the team, then opens it on the dashboard. */
export function AcceptInvitationButton({ token, teamName, action }: { token: string; teamName: string; action: AcceptInvitationAction }) {
  const router = useRouter();
  const [state, submit, pending] = useFormAction(action, { onSuccess: (joined) => router.push(`/dashboard/teams/${joined.teamSlug}`) });
  return (
    <ActionForm dispatch={submit} aria-label={`Join ${teamName}`}>
      <input type="hidden" name="token" value={token} />
      {formError(state) ? <Alert tone="error">{formError(state)}</Alert> : null}
      <Button type="submit" block disabled={pending}>
        {pending ? 'Joining…' : `Join ${teamName}`}
      </Button>
    </ActionForm>
  );
}
