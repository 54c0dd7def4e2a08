'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { DialogText, dialogFormClassName, ModalDialog } from '@/components/ui/modal-dialog';
import { type FormAction, formError, submitPayload, useFormAction } from '@/components/ui/use-form-action';
import type { ScheduleSummary } from '@/lib/hosts/schedules/rows';
import { MAX_SCHEDULE_NAME_LENGTH } from '@/lib/hosts/schedules/schemas';
import { DialogButtons } from './dialog-buttons';

// One dialog for naming a schedule: a new one ("Consulting") or a rename of the one shown.

interface Props {
  title: string;
  explanation: string;
  initialName: string;
  submitLabel: string;
  save: FormAction<ScheduleSummary, { name: string }>;
  onClose: () => void;
  onSaved: (schedule: ScheduleSummary) => void;
}

export function ScheduleNameDialog({ title, explanation, initialName, submitLabel, save, onClose, onSaved }: Props) {
  const [name, setName] = useState(initialName);
  const [state, submit, pending] = useFormAction(save, { onSuccess: onSaved });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const problem = formError(state);
  return (
    <ModalDialog isOpen isDismissable={!pending} onClose={onClose} title={title}>
      <form noValidate className={dialogFormClassName} onSubmit={submitPayload(submit, () => ({ name }))}>
        <DialogText>{explanation}</DialogText>
        <TextField label="Name" name="name" required autoFocus maxLength={MAX_SCHEDULE_NAME_LENGTH} value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors?.name} />
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <DialogButtons pending={pending} submitLabel={submitLabel} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
