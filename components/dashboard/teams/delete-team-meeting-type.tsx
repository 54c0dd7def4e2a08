'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import styles from '../meeting-types/meeting-type-form.module.css';

type DeleteAction = FormAction<unknown, { teamId: string; id: string }>;

/** Deletes a team meeting type behind a confirmation, then back to the team. */
export function DeleteTeamMeetingType({ teamId, teamSlug, meetingType, action }: { teamId: string; teamSlug: string; meetingType: { id: string; name: string }; action: DeleteAction }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useFormAction(action, { onSuccess: () => router.push(`/dashboard/teams/${teamSlug}`) });
  const [dismissed, setDismissed] = useState<unknown>(null);
  return (
    <div className={styles.formActions}>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete meeting type
      </Button>
      <ConfirmDialog
        isOpen={open}
        title={`Delete “${meetingType.name}”?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={pending}
        error={state && !state.ok && state !== dismissed ? state.error.message : null}
        onCancel={() => {
          setDismissed(state);
          setOpen(false);
        }}
        onConfirm={() => startTransition(() => dispatch({ teamId, id: meetingType.id }))}
      >
        Its booking page stops taking bookings at once. Meetings already booked are kept.
      </ConfirmDialog>
    </div>
  );
}
