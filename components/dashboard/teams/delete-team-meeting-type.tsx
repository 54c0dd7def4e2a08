'use client';

import type { FormAction } from '@/components/ui/use-form-action';
import styles from '../meeting-types/meeting-type-form.module.css';
import { ConfirmedDelete } from './confirmed-delete';

type DeleteAction = FormAction<unknown, { teamId: string; id: string }>;

/** Deletes a team meeting type behind a confirmation, then back to the team. */
export function DeleteTeamMeetingType({ teamId, teamSlug, meetingType, action }: { teamId: string; teamSlug: string; meetingType: { id: string; name: string }; action: DeleteAction }) {
  return (
    <ConfirmedDelete
      label="Delete meeting type"
      confirmLabel="Delete"
      title={`Delete “${meetingType.name}”?`}
      action={action}
      input={{ teamId, id: meetingType.id }}
      then={`/dashboard/teams/${teamSlug}`}
      className={styles.formActions}
    >
      Its booking page stops taking bookings at once. Meetings already booked are kept.
    </ConfirmedDelete>
  );
}
