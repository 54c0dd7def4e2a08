'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { formError, type FormAction, useFormAction } from '@/components/ui/use-form-action';
import settingsStyles from '../settings.module.css';
import styles from './api-keys.module.css';

export type CreateApiKeyAction = FormAction<{ key: string; name: string }>;

/** Name and scope in; the new key out, shown here once (only its hash is kept). */
export function CreateApiKeyForm({ action }: { action: CreateApiKeyAction }) {
  const [copied, setCopied] = useState(false);
  const [state, submit, pending] = useFormAction(action, { refresh: true, onSuccess: () => setCopied(false) });
  const fieldErrors = state && !state.ok ? state.error.fieldErrors : undefined;
  const created = state?.ok ? state.data : null;
  return (
    <>
      <ActionForm dispatch={submit} className={settingsStyles.form}>
        <TextField label="Name" name="name" required maxLength={100} error={fieldErrors?.name} hint="What uses it, e.g. “CRM sync”." />
        <SelectField label="Access" name="scope" defaultValue="read" error={fieldErrors?.scope} hint="Read sees meeting types, hours and bookings; read and write may also change them and cancel bookings.">
          <option value="read">Read</option>
          <option value="read-write">Read and write</option>
        </SelectField>
        {formError(state) ? <Alert tone="error">{formError(state)}</Alert> : null}
        <Button type="submit" className={settingsStyles.submit} disabled={pending}>
          {pending ? 'Creating…' : 'Create key'}
        </Button>
      </ActionForm>
      {created ? (
        <div className={styles.newKey} role="status">
          <Alert tone="success" title={`Key “${created.name}” created`}>
            Copy it now: it is shown only once. If you lose it, revoke it and create another.
          </Alert>
          <div className={styles.keyField}>
            <TextField label="Your new key" readOnly value={created.key} spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
          </div>
          <Button
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(created.key).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy key'}
          </Button>
        </div>
      ) : null}
    </>
  );
}
