'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useState } from 'react';
import dashboardStyles from '@/components/dashboard/dashboard.module.css';
import { useHostClock } from '@/components/dashboard/host-clock-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import fieldStyles from '@/components/ui/field.module.css';
import { type FormAction, useFormAction } from '@/components/ui/use-form-action';
import type { DateOverrideView } from '@/lib/hosts/availability/date-override-rows';
import type { RemoveDateOverrideInput } from '@/lib/hosts/availability/schemas';
import styles from './availability.module.css';
import { DateOverrideDialog, type SaveDateOverride } from './date-override-dialog';
import { describeOverrideHours, formatOverrideDate } from './override-display';
import { type AddTimeOff, TimeOffDialog } from './time-off-dialog';

type RemoveDateOverride = FormAction<{ date: string }, RemoveDateOverrideInput>;

interface Props {
  overrides: DateOverrideView[];
  today: string;
  save: SaveDateOverride;
  remove: RemoveDateOverride;
  addTimeOff: AddTimeOff;
}

type OpenDialog = { kind: 'override'; editing: DateOverrideView | null } | { kind: 'timeOff' } | null;

const daysText = (count: number) => (count === 1 ? '1 day' : `${count} days`);

/** Upcoming dates whose hours differ from the usual week; the list comes from the server after each change. */
export function DateOverridesSection({ overrides, today, save, remove, addTimeOff }: Props) {
  const router = useRouter();
  const clock = useHostClock();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removed, removeDate, removePending] = useFormAction(remove, { refresh: true });
  const removeError = removed && !removed.ok ? removed.error.message : null;
  const isRemoving = (date: string) => removePending && removing === date;
  const saved = (message: string | null) => {
    setDialog(null);
    setNotice(message);
    router.refresh();
  };

  return (
    <section className={styles.section} aria-labelledby="overrides-title">
      <div className={styles.sectionHeader}>
        <h2 id="overrides-title" className={styles.sectionTitle}>
          Date overrides
        </h2>
        <div className={styles.headerActions}>
          <Button variant="secondary" onClick={() => setDialog({ kind: 'timeOff' })}>
            Add time off
          </Button>
          <Button variant="secondary" onClick={() => setDialog({ kind: 'override', editing: null })}>
            Add a date override
          </Button>
        </div>
      </div>
      <p className={styles.sectionHint}>Dates when your hours differ from the usual week, or when you are away.</p>
      <div role="status">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {overrides.length === 0 ? (
        <p className={dashboardStyles.empty}>No upcoming date overrides. Your weekly hours apply every day.</p>
      ) : (
        <ul className={styles.overrides}>
          {overrides.map((override) => (
            <li key={override.date} className={styles.override}>
              <div className={styles.overrideText}>
                <span className={styles.overrideDate}>{formatOverrideDate(override.date)}</span>
                <span className={styles.overrideHours}>{describeOverrideHours(override, clock)}</span>
                {removeError && removing === override.date ? <span className={fieldStyles.error}>{removeError}</span> : null}
              </div>
              <div className={styles.overrideActions}>
                <Button variant="ghost" aria-label={`Edit ${formatOverrideDate(override.date)}`} onClick={() => setDialog({ kind: 'override', editing: override })}>
                  Edit
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Remove ${formatOverrideDate(override.date)}`}
                  disabled={isRemoving(override.date)}
                  onClick={() => {
                    setRemoving(override.date);
                    setNotice(null);
                    startTransition(() => removeDate({ date: override.date }));
                  }}
                >
                  {isRemoving(override.date) ? 'Removing…' : 'Remove'}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {dialog?.kind === 'override' ? (
        <DateOverrideDialog key={dialog.editing?.date ?? 'new'} editing={dialog.editing} today={today} save={save} onClose={() => setDialog(null)} onSaved={() => saved(null)} />
      ) : null}
      {dialog?.kind === 'timeOff' ? (
        <TimeOffDialog
          today={today}
          addTimeOff={addTimeOff}
          onClose={() => setDialog(null)}
          onSaved={(added) => saved(`Time off added: ${daysText(added.dates.length)}${added.replaced.length > 0 ? `, replacing the hours set for ${daysText(added.replaced.length)}` : ''}.`)}
        />
      ) : null}
    </section>
  );
}
