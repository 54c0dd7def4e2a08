'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import fieldStyles from '@/components/ui/field.module.css';
import { DialogText, dialogFormClassName, ModalDialog } from '@/components/ui/modal-dialog';
import { type FormAction, formError, submitPayload, useFormAction } from '@/components/ui/use-form-action';
import type { TimeOffAdded } from '@/lib/hosts/availability/add-time-off';
import type { TimeOffInput } from '@/lib/hosts/availability/schemas';
import styles from './availability.module.css';
import { DialogButtons } from './dialog-buttons';

export type AddTimeOff = FormAction<TimeOffAdded, TimeOffInput>;

/** Enough separate dates for a dialog; a longer stretch is a range. */
const MAX_DATE_FIELDS = 14;

interface Props {
  today: string;
  addTimeOff: AddTimeOff;
  onClose: () => void;
  onSaved: (added: TimeOffAdded) => void;
}

/** Days off in one go: from–to, or a few separate dates; each becomes "unavailable all day". */
export function TimeOffDialog({ today, addTimeOff, onClose, onSaved }: Props) {
  const [kind, setKind] = useState<TimeOffInput['kind']>('range');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [dates, setDates] = useState<string[]>(['']);
  const [state, submit, pending] = useFormAction(addTimeOff, { onSuccess: onSaved });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const problem = formError(state);

  return (
    <ModalDialog isOpen isDismissable={!pending} onClose={onClose} title="Add time off">
      <form noValidate className={dialogFormClassName} onSubmit={submitPayload(submit, (): TimeOffInput => (kind === 'range' ? { kind, from, to } : { kind, dates }))}>
        <DialogText>Each day is unavailable all day, replacing any hours set for it.</DialogText>
        <fieldset className={styles.choice}>
          <legend className={fieldStyles.label}>Days off</legend>
          <label className={styles.radio}>
            <input type="radio" name="kind" checked={kind === 'range'} onChange={() => setKind('range')} /> Several days in a row
          </label>
          <label className={styles.radio}>
            <input type="radio" name="kind" checked={kind === 'dates'} onChange={() => setKind('dates')} /> Separate dates
          </label>
        </fieldset>
        {kind === 'range' ? (
          <div className={styles.rangeFields}>
            <TextField label="First day off" type="date" min={today} required value={from} onChange={(event) => setFrom(event.target.value)} error={fieldErrors?.from} />
            <TextField label="Last day off" type="date" min={from || today} required value={to} onChange={(event) => setTo(event.target.value)} error={fieldErrors?.to} />
          </div>
        ) : (
          <div className={styles.dateList}>
            {dates.map((date, index) => (
              <div key={index} className={styles.dateRow}>
                <TextField
                  label={`Date ${index + 1}`}
                  type="date"
                  min={today}
                  required
                  value={date}
                  onChange={(event) => setDates(dates.map((d, i) => (i === index ? event.target.value : d)))}
                  error={fieldErrors?.[`dates.${index}`]}
                />
                {dates.length > 1 ? (
                  <Button variant="ghost" aria-label={`Remove date ${index + 1}`} onClick={() => setDates(dates.filter((_, i) => i !== index))}>
                    Remove
                  </Button>
                ) : null}
              </div>
            ))}
            {fieldErrors?.dates ? <p className={fieldStyles.error}>{fieldErrors.dates}</p> : null}
            <div>
              <Button variant="ghost" disabled={dates.length >= MAX_DATE_FIELDS} onClick={() => setDates([...dates, ''])}>
                + Add another date
              </Button>
            </div>
          </div>
        )}
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <DialogButtons pending={pending} submitLabel="Add time off" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
