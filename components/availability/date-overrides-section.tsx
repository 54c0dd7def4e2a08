'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { useHostClock } from '@/components/dashboard/host-clock-provider';
import { Button } from '@/components/ui/button';
import fieldStyles from '@/components/ui/field.module.css';
import type { ActionResult } from '@/lib/actions/action-result';
import type { DateOverrideView } from '@/lib/hosts/availability/date-override-rows';
import type { RemoveDateOverrideInput } from '@/lib/hosts/availability/schemas';
import styles from './availability.module.css';
import { DateOverrideDialog, type SaveDateOverride } from './date-override-dialog';
import { describeOverrideHours, formatOverrideDate } from './override-display';

type RemoveDateOverride = (input: RemoveDateOverrideInput) => Promise<ActionResult<{ date: string }>>;

interface Props {
  overrides: DateOverrideView[];
  today: string;
  save: SaveDateOverride;
  remove: RemoveDateOverride;
}

/** Upcoming dates whose hours differ from the usual week; the list comes from the server after each change. */
export function DateOverridesSection({ overrides, today, save, remove }: Props) {
  const router = useRouter();
  const clock = useHostClock();
  const [dialog, setDialog] = useState<{ editing: DateOverrideView | null } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<{ date: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const removeDate = (date: string) => {
    setRemoving(date);
    setRemoveError(null);
    startTransition(async () => {
      const answer = await remove({ date });
      startTransition(() => {
        if (!answer.ok) setRemoveError({ date, message: answer.error.message });
        router.refresh();
      });
    });
  };
  const isRemoving = (date: string) => pending && removing === date;

  return (
    <section className={styles.section} aria-labelledby="overrides-title">
      <div className={styles.sectionHeader}>
        <h2 id="overrides-title" className={styles.sectionTitle}>
          Date overrides
        </h2>
        <Button variant="secondary" onClick={() => setDialog({ editing: null })}>
          Add a date override
        </Button>
      </div>
      <p className={styles.sectionHint}>Dates when your hours differ from the usual week, or when you are away.</p>
      {overrides.length === 0 ? (
        <p className={dashboardStyles.empty}>No upcoming date overrides. Your weekly hours apply every day.</p>
      ) : (
        <ul className={styles.overrides}>
          {overrides.map((override) => (
            <li key={override.date} className={styles.override}>
              <div className={styles.overrideText}>
                <span className={styles.overrideDate}>{formatOverrideDate(override.date)}</span>
                <span className={styles.overrideHours}>{describeOverrideHours(override, clock)}</span>
                {removeError?.date === override.date ? <span className={fieldStyles.error}>{removeError.message}</span> : null}
              </div>
              <div className={styles.overrideActions}>
                <Button variant="ghost" aria-label={`Edit ${formatOverrideDate(override.date)}`} onClick={() => setDialog({ editing: override })}>
                  Edit
                </Button>
                <Button variant="ghost" aria-label={`Remove ${formatOverrideDate(override.date)}`} disabled={isRemoving(override.date)} onClick={() => removeDate(override.date)}>
                  {isRemoving(override.date) ? 'Removing…' : 'Remove'}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {dialog ? (
        <DateOverrideDialog
          key={dialog.editing?.date ?? 'new'}
          editing={dialog.editing}
          today={today}
          save={save}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            router.refresh();
          }}
        />
      ) : null}
    </section>
  );
}
