'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import fieldStyles from '@/components/ui/field.module.css';
import { dialogFormClassName, ModalDialog } from '@/components/ui/modal-dialog';
import { type FormAction, formError, submitPayload, useFormAction } from '@/components/ui/use-form-action';
import type { DateOverrideView } from '@/lib/hosts/availability/date-override-rows';
import type { DateOverrideInput } from '@/lib/hosts/availability/schemas';
import type { WallWindow } from '@/lib/hosts/availability/wall-windows';
import styles from './availability.module.css';
import { DialogButtons } from './dialog-buttons';
import { DEFAULT_WINDOW } from './week-editing';
import { WindowFields } from './window-fields';

export type SaveDateOverride = FormAction<DateOverrideView, DateOverrideInput>;

interface Props {
  /** The override being edited, or null to add one. */
  editing: DateOverrideView | null;
  today: string;
  save: SaveDateOverride;
  onClose: () => void;
  onSaved: () => void;
}

/** Adds or edits one date's override: the day off, or its own hours. */
export function DateOverrideDialog({ editing, today, save, onClose, onSaved }: Props) {
  const [date, setDate] = useState(editing?.date ?? '');
  const [unavailable, setUnavailable] = useState(editing?.unavailable ?? true);
  const [windows, setWindows] = useState<WallWindow[]>(editing && !editing.unavailable ? editing.windows : [DEFAULT_WINDOW]);
  const [state, submit, pending] = useFormAction(save, { onSuccess: onSaved });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const problem = formError(state);

  return (
    <ModalDialog isOpen isDismissable={!pending} onClose={onClose} title={editing ? 'Edit date override' : 'Add a date override'}>
      <form
        noValidate
        className={dialogFormClassName}
        onSubmit={submitPayload(submit, () => ({ date, originalDate: editing?.date ?? null, unavailable, windows: unavailable ? [] : windows }))}
      >
        <TextField label="Date" type="date" name="date" min={today} required value={date} onChange={(event) => setDate(event.target.value)} error={fieldErrors?.date} />
        <fieldset className={styles.choice}>
          <legend className={fieldStyles.label}>On this date</legend>
          <label className={styles.radio}>
            <input type="radio" name="kind" checked={unavailable} onChange={() => setUnavailable(true)} /> Unavailable all day
          </label>
          <label className={styles.radio}>
            <input type="radio" name="kind" checked={!unavailable} onChange={() => setUnavailable(false)} /> Available at specific hours
          </label>
        </fieldset>
        {unavailable ? null : <WindowFields label="Hours" windows={windows} onChange={setWindows} errorAt={(path) => fieldErrors?.[`windows.${path}`]} />}
        {fieldErrors?.windows ? <p className={fieldStyles.error}>{fieldErrors.windows}</p> : null}
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <DialogButtons pending={pending} submitLabel="Save override" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
