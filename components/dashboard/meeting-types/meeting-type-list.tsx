'use client';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { startTransition, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/actions/action-result';
import type { HostMeetingType } from '@/lib/hosts/meeting-types/rows';
import { MeetingTypeRow } from './meeting-type-row';
import styles from './meeting-type-list.module.css';
import type { RowAction } from './row-actions-menu';

export interface MeetingTypeListActions {
  duplicate: (input: { id: string }) => Promise<ActionResult<HostMeetingType>>;
  setActive: (input: { id: string; isActive: boolean }) => Promise<ActionResult<HostMeetingType>>;
  remove: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
}

interface Props {
  meetingTypes: HostMeetingType[];
  username: string;
  actions: MeetingTypeListActions;
}

/** What a row (or the delete dialog) asks for. */
type Command = { kind: Exclude<RowAction, 'delete'> | 'confirm-delete'; meetingType: HostMeetingType };

/** The action's answer as the sentence the status line announces. */
function said<T>(result: ActionResult<T>, sentence: (data: T) => string): ActionResult<string> {
  return result.ok ? { ok: true, data: sentence(result.data) } : result;
}

async function perform(actions: MeetingTypeListActions, { kind, meetingType }: Command): Promise<ActionResult<string>> {
  if (kind === 'duplicate') {
    return said(await actions.duplicate({ id: meetingType.id }), (copy) => `Created “${copy.name}”. It stays inactive until you activate it.`);
  }
  if (kind === 'confirm-delete') return said(await actions.remove({ id: meetingType.id }), () => `Deleted “${meetingType.name}”.`);
  const isActive = !meetingType.isActive;
  return said(await actions.setActive({ id: meetingType.id, isActive }), (updated) =>
    isActive ? `“${updated.name}” is active: invitees can book it.` : `“${updated.name}” is inactive: its booking page is closed.`,
  );
}

/** The host's meeting types with their row actions; outcomes are announced in one status line. */
export function MeetingTypeList({ meetingTypes, username, actions }: Props) {
  const [deleting, setDeleting] = useState<HostMeetingType | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [state, dispatch, pending] = useFormAction((command: Command) => perform(actions, command), {
    refresh: true,
    onSuccess: () => {
      if (!deleting) return;
      setDeleting(null);
      // Its row (and the menu that opened the dialog) is gone: put focus somewhere that stays.
      requestAnimationFrame(() => statusRef.current?.focus());
    },
  });
  // A refusal the host has dismissed (by closing the dialog) is not shown again.
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const error = state && !state.ok && state !== dismissed ? state.error.message : null;
  const send = (command: Command) => startTransition(() => dispatch(command));

  function onAction(meetingType: HostMeetingType, action: RowAction) {
    if (action === 'delete') {
      setDismissed(state);
      return setDeleting(meetingType);
    }
    send({ kind: action, meetingType });
  }

  return (
    <>
      <p ref={statusRef} tabIndex={-1} role="status" className={state?.ok ? styles.status : styles.visuallyHidden}>
        {state?.ok ? state.data : ''}
      </p>
      {error && !deleting ? <Alert tone="error">{error}</Alert> : null}
      <ul className={styles.list} aria-label="Your meeting types" aria-busy={pending || undefined}>
        {meetingTypes.map((meetingType) => (
          <MeetingTypeRow key={meetingType.id} meetingType={meetingType} username={username} busy={pending} onAction={(action) => onAction(meetingType, action)} />
        ))}
      </ul>
      <ConfirmDialog
        isOpen={deleting !== null}
        title={`Delete “${deleting?.name}”?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={pending}
        error={deleting ? error : null}
        onConfirm={() => deleting && send({ kind: 'confirm-delete', meetingType: deleting })}
        onCancel={() => {
          setDeleting(null);
          setDismissed(state);
        }}
      >
        Its booking page stops working at once and it disappears from your list. Meetings already booked are kept; invitees can still cancel them.
      </ConfirmDialog>
    </>
  );
}
