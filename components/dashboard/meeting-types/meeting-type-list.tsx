'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import type { ActionResult } from '@/lib/actions/action-result';
import type { HostMeetingType } from '@/lib/hosts/meeting-types/rows';
import { DeleteMeetingTypeDialog } from './delete-dialog';
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

/** The host's meeting types with their row actions; outcomes are announced in one status line. */
export function MeetingTypeList({ meetingTypes, username, actions }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<HostMeetingType | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  function run<T>(work: () => Promise<ActionResult<T>>, describe: (data: T) => string, after?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await work();
      // Updates after an await leave the transition; a new one shows the message with the refreshed list.
      startTransition(() => {
        if (!result.ok) return setError(result.error.message);
        setDone(describe(result.data));
        after?.();
        router.refresh();
      });
    });
  }

  function onAction(meetingType: HostMeetingType, action: RowAction) {
    if (action === 'delete') return setDeleting(meetingType);
    if (action === 'duplicate') {
      return run(() => actions.duplicate({ id: meetingType.id }), (copy) => `Created “${copy.name}”. It stays inactive until you activate it.`);
    }
    const isActive = !meetingType.isActive;
    run(
      () => actions.setActive({ id: meetingType.id, isActive }),
      (updated) => (isActive ? `“${updated.name}” is active: invitees can book it.` : `“${updated.name}” is inactive: its booking page is closed.`),
    );
  }

  function confirmDelete() {
    if (!deleting) return;
    const { id, name } = deleting;
    run(
      () => actions.remove({ id }),
      () => `Deleted “${name}”.`,
      () => {
        setDeleting(null);
        // Its row (and the menu that opened the dialog) is gone: put focus somewhere that stays.
        requestAnimationFrame(() => statusRef.current?.focus());
      },
    );
  }

  return (
    <>
      <p ref={statusRef} tabIndex={-1} role="status" className={done ? styles.status : styles.visuallyHidden}>
        {done}
      </p>
      {error && !deleting ? <Alert tone="error">{error}</Alert> : null}
      <ul className={styles.list} aria-label="Your meeting types" aria-busy={pending || undefined}>
        {meetingTypes.map((meetingType) => (
          <MeetingTypeRow key={meetingType.id} meetingType={meetingType} username={username} busy={pending} onAction={(action) => onAction(meetingType, action)} />
        ))}
      </ul>
      <DeleteMeetingTypeDialog
        name={deleting?.name ?? null}
        pending={pending}
        error={deleting ? error : null}
        onConfirm={confirmDelete}
        onCancel={() => {
          setDeleting(null);
          setError(null);
        }}
      />
    </>
  );
}
