'use client';

import { useRef } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { TeamRole } from '@/lib/hosts/teams/schemas';
import settingsStyles from '../settings/settings.module.css';
import { roleLabel } from './role-label';

export type InviteMemberAction = FormAction<{ id: string; email: string }>;

/** An address and a role; the invitation link is mailed and works for 7 days. Owners may invite owners. */
export function InviteMemberForm({ teamId, actorRole, action }: { teamId: string; actorRole: TeamRole; action: InviteMemberAction }) {
  const form = useRef<HTMLFormElement>(null);
  // Sent: the fields clear for the next address; the status line below says where it went.
  const [state, submit, pending] = useFormAction(action, { refresh: true, onSuccess: () => form.current?.reset() });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const roles: TeamRole[] = actorRole === 'owner' ? ['member', 'admin', 'owner'] : ['member', 'admin'];
  return (
    <ActionForm ref={form} dispatch={submit} className={settingsStyles.form} aria-label="Invite a member">
      <input type="hidden" name="teamId" value={teamId} />
      <TextField label="Email" name="email" type="email" autoComplete="off" required maxLength={255} error={fieldErrors?.email} />
      <SelectField label="Role" name="role" defaultValue="member" error={fieldErrors?.role} hint="Admins and owners manage members and the team’s meeting types; only owners manage owners.">
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleLabel[role]}
          </option>
        ))}
      </SelectField>
      {formError(state) ? <Alert tone="error">{formError(state)}</Alert> : null}
      {state?.ok ? <Alert tone="success">{`Invitation sent to ${state.data.email}. The link works for 7 days.`}</Alert> : null}
      <Button type="submit" className={settingsStyles.submit} disabled={pending}>
        {pending ? 'Sending…' : 'Send invitation'}
      </Button>
    </ActionForm>
  );
}
