'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { ScheduleRef } from '@/lib/hosts/schedules/schemas';
import type { ScheduleSummary } from '@/lib/hosts/schedules/rows';
import styles from './availability.module.css';
import { ScheduleNameDialog } from './schedule-name-dialog';

// The host's schedules: one link each (the page shows the linked one's editors), and the verbs on the
// one shown: rename, make default, delete; plus "New schedule". Every schedule is its own URL, so a
// reload or a shared link lands on the same schedule.

export interface ScheduleBarActions {
  create: FormAction<ScheduleSummary, { name: string }>;
  rename: FormAction<ScheduleSummary, { scheduleId: string; name: string }>;
  setDefault: FormAction<ScheduleSummary, ScheduleRef>;
  remove: FormAction<{ scheduleId: string }, ScheduleRef>;
}

interface Props {
  schedules: ScheduleSummary[];
  current: ScheduleSummary;
  actions: ScheduleBarActions;
}

type Dialog = 'new' | 'rename' | 'delete' | null;

export const scheduleHref = (schedule: Pick<ScheduleSummary, 'id' | 'isDefault'>) =>
  schedule.isDefault ? '/dashboard/availability' : `/dashboard/availability?schedule=${schedule.id}`;

export function ScheduleBar({ schedules, current, actions }: Props) {
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [madeDefault, makeDefault, defaultPending] = useFormAction(actions.setDefault, { refresh: true });
  const [removed, remove, removePending] = useFormAction(actions.remove, {
    onSuccess: () => {
      setDialog(null);
      router.push('/dashboard/availability');
    },
  });
  const defaultError = madeDefault && !madeDefault.ok ? madeDefault.error.message : null;
  const removeError = removed && !removed.ok ? removed.error.message : null;

  return (
    <section className={styles.section} aria-labelledby="schedules-title">
      <div className={styles.sectionHeader}>
        <h2 id="schedules-title" className={styles.sectionTitle}>
          Schedules
        </h2>
        <Button variant="secondary" onClick={() => setDialog('new')}>
          New schedule
        </Button>
      </div>
      <p className={styles.sectionHint}>Each meeting type offers the hours of one schedule; those without a choice use the default.</p>
      <nav aria-label="Schedules">
        <ul className={styles.scheduleList}>
          {schedules.map((schedule) => (
            <li key={schedule.id}>
              <Link href={scheduleHref(schedule)} className={styles.scheduleLink} aria-current={schedule.id === current.id ? 'page' : undefined}>
                {schedule.name}
                {schedule.isDefault ? <span className={styles.defaultBadge}>Default</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className={styles.headerActions}>
        <Button variant="ghost" onClick={() => setDialog('rename')}>
          Rename “{current.name}”
        </Button>
        {current.isDefault ? null : (
          <>
            <Button variant="ghost" disabled={defaultPending} onClick={() => startTransition(() => makeDefault({ scheduleId: current.id }))}>
              {defaultPending ? 'Saving…' : 'Make default'}
            </Button>
            <Button variant="ghost" onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </>
        )}
      </div>
      <div role="status">{madeDefault?.ok ? <Alert tone="success">{`${current.name} is now your default schedule.`}</Alert> : null}</div>
      {defaultError ? <Alert tone="error">{defaultError}</Alert> : null}
      {dialog === 'new' ? (
        <ScheduleNameDialog
          title="New schedule"
          explanation="It starts with no hours, in the default schedule’s time zone. Add hours, then pick it on a meeting type."
          initialName=""
          submitLabel="Create schedule"
          save={actions.create}
          onClose={() => setDialog(null)}
          onSaved={(created) => {
            setDialog(null);
            router.push(scheduleHref(created));
          }}
        />
      ) : null}
      {dialog === 'rename' ? (
        <ScheduleNameDialog
          title="Rename schedule"
          explanation="Invitees never see this name; it is for you and the meeting type form."
          initialName={current.name}
          submitLabel="Rename"
          save={(input) => actions.rename({ ...input, scheduleId: current.id })}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            router.refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={dialog === 'delete'}
        title={`Delete “${current.name}”?`}
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending={removePending}
        error={removeError}
        onConfirm={() => startTransition(() => remove({ scheduleId: current.id }))}
        onCancel={() => setDialog(null)}
      >
        Its weekly hours and date overrides are deleted with it. A schedule that a meeting type uses cannot be deleted.
      </ConfirmDialog>
    </section>
  );
}
