'use client';

import { useState, useTransition } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import fieldStyles from '@/components/ui/field.module.css';
import type { ActionResult } from '@/lib/actions/action-result';
import type { DateOverrideView } from '@/lib/hosts/availability/date-override-rows';
import type { DateOverrideInput } from '@/lib/hosts/availability/schemas';
import type { WallWindow } from '@/lib/hosts/availability/wall-windows';
import styles from './availability.module.css';
import { DEFAULT_WINDOW } from './week-editing';
import { WindowFields } from './window-fields';

export type SaveDateOverride = (input: DateOverrideInput) => Promise<ActionResult<DateOverrideView>>;

interface Props {
  /** The override being edited, or null to add one. */
  editing: DateOverrideView | null;
  today: string;
  save: SaveDateOverride;
  onClose: () => void;
  onSaved: () => void;
}

/** Adds or edits one date's override in a modal dialog (react-aria: focus trap, Escape, labelling). */
export function DateOverrideDialog({ editing, today, save, onClose, onSaved }: Props) {
  const [date, setDate] = useState(editing?.date ?? '');
  const [unavailable, setUnavailable] = useState(editing?.unavailable ?? true);
  const [windows, setWindows] = useState<WallWindow[]>(editing && !editing.unavailable ? editing.windows : [DEFAULT_WINDOW]);
  const [result, setResult] = useState<ActionResult<DateOverrideView> | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldErrors = result && !result.ok ? result.error.fieldErrors : undefined;

  const submit = () =>
    startTransition(async () => {
      const answer = await save({ date, originalDate: editing?.date ?? null, unavailable, windows: unavailable ? [] : windows });
      startTransition(() => {
        setResult(answer);
        if (answer.ok) onSaved();
      });
    });

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className={styles.overlay}>
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog}>
          <form
            noValidate
            className={styles.dialogForm}
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <Heading slot="title" className={styles.sectionTitle}>
              {editing ? 'Edit date override' : 'Add a date override'}
            </Heading>
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
            {unavailable ? null : (
              <WindowFields label="Hours" windows={windows} onChange={setWindows} errorAt={(path) => fieldErrors?.[`windows.${path}`]} />
            )}
            {fieldErrors?.windows ? <p className={fieldStyles.error}>{fieldErrors.windows}</p> : null}
            {result && !result.ok && !fieldErrors ? <Alert tone="error">{result.error.message}</Alert> : null}
            <div className={styles.actions}>
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? 'Saving…' : 'Save override'}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
