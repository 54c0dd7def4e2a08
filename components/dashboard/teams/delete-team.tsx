'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';

type DeleteTeamAction = FormAction<unknown, { teamId: string }>;

/** Deletes the team behind a confirmation (owners only), then back to the list of teams. */
export function DeleteTeam({ teamId, teamName, action }: { teamId: string; teamName: string; action: DeleteTeamAction }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useFormAction(action, {
    onSuccess: () => router.push('/dashboard/teams'),
  });
  const [dismissed, setDismissed] = useState<unknown>(null);
  return (
    <div>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete team
      </Button>
      <ConfirmDialog
        isOpen={open}
        title={`Delete ${teamName}?`}
        confirmLabel="Delete team"
        pendingLabel="Deleting…"
        pending={pending}
        error={state && !state.ok && state !== dismissed ? state.error.message : null}
        onCancel={() => {
          setDismissed(state);
          setOpen(false);
        }}
        onConfirm={() => startTransition(() => dispatch({ teamId }))}
      >
        Its meeting types and booking page go away, open invitations stop working and every member leaves the team. Past bookings are kept. A team with upcoming bookings cannot be deleted.
      </ConfirmDialog>
    </div>
  );
}
