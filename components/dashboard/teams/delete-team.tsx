'use client';

import type { FormAction } from '@/components/ui/use-form-action';
import { ConfirmedDelete } from './confirmed-delete';

/** Deletes the team behind a confirmation (owners only), then back to the list of teams. */
export function DeleteTeam({ teamId, teamName, action }: { teamId: string; teamName: string; action: FormAction<unknown, { teamId: string }> }) {
  return (
    <ConfirmedDelete label="Delete team" title={`Delete ${teamName}?`} action={action} input={{ teamId }} then="/dashboard/teams">
      Its meeting types and booking page go away, open invitations stop working and every member leaves the team. Past bookings are kept. A team with upcoming bookings cannot be deleted.
    </ConfirmedDelete>
  );
}
