'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SelectField } from '@/components/ui/field';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { TeamRole } from '@/lib/hosts/teams/schemas';
import { roleLabel } from './role-label';
import styles from './teams.module.css';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
}

interface Actions {
  changeRole: FormAction<unknown>;
  remove: FormAction<unknown, { teamId: string; userId: string }>;
  leave: FormAction<unknown, { teamId: string }>;
}

interface Props {
  teamId: string;
  teamName: string;
  members: MemberRow[];
  /** The signed-in host: their own row offers "Leave", not "Remove". */
  selfId: string;
  actorRole: TeamRole;
  actions: Actions;
}

/** Whether the acting role may change or remove this member (the server decides again). */
const mayTouch = (actor: TeamRole, target: TeamRole) => actor === 'owner' || (actor === 'admin' && target !== 'owner');

function RoleForm({ teamId, member, actorRole, action }: { teamId: string; member: MemberRow; actorRole: TeamRole; action: Actions['changeRole'] }) {
  const [state, submit, pending] = useFormAction(action, { refresh: true });
  const roles: TeamRole[] = actorRole === 'owner' ? ['owner', 'admin', 'member'] : ['admin', 'member'];
  return (
    <ActionForm dispatch={submit} className={styles.roleForm} aria-label={`Role of ${member.name}`}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={member.userId} />
      <SelectField label={`Role of ${member.name}`} name="role" defaultValue={member.role} error={state && !state.ok ? state.error.message : undefined}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleLabel[role]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save role'}
      </Button>
    </ActionForm>
  );
}

/** The team's members with their roles; managers change roles and remove, anyone may leave. */
export function TeamMembers({ teamId, teamName, members, selfId, actorRole, actions }: Props) {
  const router = useRouter();
  const manager = actorRole !== 'member';
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [removal, dispatchRemoval, removalPending] = useFormAction(actions.remove, { refresh: true, onSuccess: () => setRemoving(null) });
  const [leaving, setLeaving] = useState(false);
  const [leave, dispatchLeave, leavePending] = useFormAction(actions.leave, { onSuccess: () => router.push('/dashboard/teams') });
  const [dismissed, setDismissed] = useState<unknown>(null);
  const removalError = removal && !removal.ok && removal !== dismissed ? removal.error.message : null;
  const leaveError = leave && !leave.ok && leave !== dismissed ? leave.error.message : null;
  // The only owner keeps that role (a team needs one): no selector for their own row, the badge says it.
  const soleOwner = members.filter((m) => m.role === 'owner').length === 1;
  const alone = members.length === 1;
  return (
    <>
      <ul className={styles.list}>
        {members.map((member) => {
          const self = member.userId === selfId;
          return (
            <li key={member.userId} className={styles.row}>
              <div className={styles.rowText}>
                <p className={styles.name}>
                  {member.name}
                  {self ? ' (you)' : ''} <span className={styles.badge}>{roleLabel[member.role]}</span>
                </p>
                <p className="muted">{member.email}</p>
              </div>
              <div className={styles.rowActions}>
                {manager && mayTouch(actorRole, member.role) && !(self && member.role === 'owner' && soleOwner) ? (
                  <RoleForm teamId={teamId} member={member} actorRole={actorRole} action={actions.changeRole} />
                ) : null}
                {self && alone && member.role === 'owner' ? (
                  <p className="muted">You are the only member: to leave, delete the team below.</p>
                ) : self ? (
                  <Button variant="secondary" onClick={() => setLeaving(true)}>
                    Leave team
                  </Button>
                ) : manager && mayTouch(actorRole, member.role) ? (
                  <Button variant="secondary" onClick={() => setRemoving(member)} aria-label={`Remove ${member.name}`}>
                    Remove
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        isOpen={removing !== null}
        title={`Remove ${removing?.name ?? ''} from ${teamName}?`}
        confirmLabel="Remove"
        pendingLabel="Removing…"
        pending={removalPending}
        error={removalError}
        onCancel={() => {
          setDismissed(removal);
          setRemoving(null);
        }}
        onConfirm={() => {
          if (removing) startTransition(() => dispatchRemoval({ teamId, userId: removing.userId }));
        }}
      >
        They stop being offered on the team’s meeting types at once. Bookings they already have are kept.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={leaving}
        title={`Leave ${teamName}?`}
        confirmLabel="Leave"
        pendingLabel="Leaving…"
        pending={leavePending}
        error={leaveError}
        onCancel={() => {
          setDismissed(leave);
          setLeaving(false);
        }}
        onConfirm={() => startTransition(() => dispatchLeave({ teamId }))}
      >
        You stop being offered on the team’s meeting types. Bookings you already have are kept. To come back, ask for a new invitation.
      </ConfirmDialog>
      {removalError && !removing ? <Alert tone="error">{removalError}</Alert> : null}
    </>
  );
}
